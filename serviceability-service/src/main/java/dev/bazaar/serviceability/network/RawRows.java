package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.csv.CsvReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uploaded rows before validation: CSV (a header line, then records; quoted fields allowed) or a
 * JSON array of objects both become name → text maps, so one validator serves both formats. Names
 * are normalised (case, '_' and '-' ignored): {@code transit_hours}, {@code transitHours} and
 * {@code TransitHours} are the same column.
 */
public final class RawRows {

    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace("_", "")
                .replace("-", "")
                .replace(" ", "")
                .strip();
    }

    public static List<Map<String, String>> fromJson(List<Map<String, Object>> objects) {
        List<Map<String, String>> rows = new ArrayList<>(objects.size());
        for (Map<String, Object> object : objects) {
            Map<String, String> row = new LinkedHashMap<>();
            if (object != null) {
                object.forEach((k, v) -> row.put(normalise(k), v == null ? null : v.toString()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 through the platform's {@link CsvReader}; empty lines are skipped, as spreadsheets leave them. */
    public static List<Map<String, String>> fromCsv(String text) {
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            for (CsvReader.Record record = csv.read(); record != null; record = csv.read()) {
                List<String> fields = record.fields();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = fields.stream().map(RawRows::normalise).toList();
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < fields.size() ? fields.get(i) : null);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return rows;
    }

    private RawRows() {}
}
