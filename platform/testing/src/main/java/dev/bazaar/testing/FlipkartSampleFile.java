package dev.bazaar.testing;

import dev.bazaar.contracts.csv.CsvReader;
import java.io.IOException;
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

    private FlipkartSampleFile() {}

    /** The sample if it is there ({@link SharedData}); tests skip with a message otherwise. */
    public static Optional<Path> locate() {
        return SharedData.file(FILE_NAME);
    }

    /** Data rows as column → value, in file order; rows without a {@code pid} (the sample's blank rows) are left out. */
    public static List<Map<String, String>> rows(Path csv) throws IOException {
        try (CsvReader reader = CsvReader.open(csv, Integer.MAX_VALUE)) {
            List<String> header = reader.read().fields();
            int pid = header.indexOf("pid");
            List<Map<String, String>> result = new ArrayList<>();
            for (CsvReader.Record record = reader.read(); record != null; record = reader.read()) {
                List<String> row = record.fields();
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
    }

    /** {@code ["Clothing >> Women's Clothing >> Kurtas"]} → its segments. */
    public static List<String> categoryPath(String tree) {
        String inner = tree.strip().replaceAll("^\\[\"|\"]$", "");
        return Arrays.stream(inner.split(">>"))
                .map(String::strip)
                .filter(segment -> !segment.isEmpty())
                .toList();
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
}
