package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.contracts.SizeClass;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed, validated access to one raw row; each problem is recorded with the row and the field. */
final class RowReader {

    private final int row;
    private final Map<String, String> values;
    private final List<RowError> errors;
    private boolean valid = true;

    RowReader(int row, Map<String, String> values, List<RowError> errors) {
        this.row = row;
        this.values = values;
        this.errors = errors;
    }

    boolean valid() {
        return valid;
    }

    void reject(String field, String message) {
        valid = false;
        errors.add(new RowError(row, field, message));
    }

    /** The first non-blank value among a field's accepted names (e.g. {@code code} or {@code pincode}). */
    String text(String field, String... aliases) {
        String value = values.get(RawRows.normalise(field));
        for (int i = 0; (value == null || value.isBlank()) && i < aliases.length; i++) {
            value = values.get(RawRows.normalise(aliases[i]));
        }
        if (value == null || value.isBlank()) {
            reject(field, "is required");
            return null;
        }
        return value.strip();
    }

    String id(String field) {
        String value = text(field);
        if (value != null && !value.matches("[A-Za-z0-9_.-]{1,40}")) {
            reject(field, "must be 1-40 letters, digits, '.', '_' or '-' (was '" + value + "')");
            return null;
        }
        return value;
    }

    String pincode(String field, String... aliases) {
        String value = text(field, aliases);
        if (value != null && !Pincodes.isValid(value)) {
            reject(field, Pincodes.MESSAGE);
            return null;
        }
        return value;
    }

    int positiveHours(String field) {
        Integer value = integer(field);
        if (value != null && (value <= 0 || value > 10_000)) {
            reject(field, "must be between 1 and 10000 hours (was " + value + ")");
        }
        return value == null ? 0 : value;
    }

    int hours(String field) {
        Integer value = integer(field);
        if (value != null && (value < 0 || value > 720)) {
            reject(field, "must be between 0 and 720 hours (was " + value + ")");
        }
        return value == null ? 0 : value;
    }

    private Integer integer(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            reject(field, "must be a whole number (was '" + value + "')");
            return null;
        }
    }

    double coordinate(String field, double min, double max) {
        String value = text(field);
        if (value == null) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(value);
            if (!(number >= min && number <= max)) {
                reject(field, "must be between " + min + " and " + max + " (India) (was " + value + ")");
            }
            return number;
        } catch (NumberFormatException e) {
            reject(field, "must be a number (was '" + value + "')");
            return Double.NaN;
        }
    }

    SizeClass sizeClass(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return SizeClass.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of SMALL, MEDIUM, LARGE, BULKY (was '" + value + "')");
            return null;
        }
    }

    LocalTime time(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            reject(field, "must be a time of day like 14:00 (was '" + value + "')");
            return null;
        }
    }
}
