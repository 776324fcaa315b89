package dev.bazaar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Flipkart catalogue sample, read (never copied into the repository) from
 * {@link SharedData}. Tests turn its rows into whatever they feed (events, index documents); this
 * class only reads the file's format.
 */
public final class FlipkartSampleFile {

    public static final String FILE_NAME = SharedData.FLIPKART_SAMPLE;

    private static final Pattern SPECIFICATION = Pattern.compile("\"key\"=>\"(.*?)\", \"value\"=>\"(.*?)\"");
    private static final Pattern URL = Pattern.compile("\"(http[^\"]+)\"");

    private FlipkartSampleFile() {
    }

    /** The sample if it is there ({@link SharedData}); tests skip with a message otherwise. */
    public static Optional<Path> locate() {
        return SharedData.file(FILE_NAME);
    }

    /** Data rows as column → value, in file order; rows without a {@code pid} (the sample's blank rows) are left out. */
    public static List<Map<String, String>> rows(Path csv) throws IOException {
        List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int pid = header.indexOf("pid");
        List<Map<String, String>> result = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size() || row.get(pid).isBlank()) {
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), row.get(i));
            }
            result.add(byColumn);
        }
        return result;
    }

    /** {@code ["Clothing >> Women's Clothing >> Kurtas"]} → its segments. */
    public static List<String> categoryPath(String tree) {
        String inner = tree.strip().replaceAll("^\\[\"|\"]$", "");
        return Arrays.stream(inner.split(">>")).map(String::strip).filter(segment -> !segment.isEmpty()).toList();
    }

    /** {@code {"product_specification"=>[{"key"=>"Fabric", "value"=>"Cotton"}, …]}} → key → value, first wins. */
    public static Map<String, String> specifications(String raw) {
        Map<String, String> specifications = new LinkedHashMap<>();
        Matcher pair = SPECIFICATION.matcher(raw);
        while (pair.find()) {
            specifications.putIfAbsent(pair.group(1), pair.group(2));
        }
        return specifications;
    }

    /** {@code ["http://…", "http://…"]} → the URLs. */
    public static List<String> images(String raw) {
        List<String> images = new ArrayList<>();
        Matcher url = URL.matcher(raw);
        while (url.find()) {
            images.add(url.group(1));
        }
        return images;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
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
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
