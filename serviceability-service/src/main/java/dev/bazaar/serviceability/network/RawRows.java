package dev.bazaar.serviceability.network;

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
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "").strip();
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

    public static List<Map<String, String>> fromCsv(String text) {
        List<List<String>> records = parseCsv(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(RawRows::normalise).toList();
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180: commas, CRLF or LF, double quotes with "" as an escaped quote; blank lines skipped. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private RawRows() {
    }
}
