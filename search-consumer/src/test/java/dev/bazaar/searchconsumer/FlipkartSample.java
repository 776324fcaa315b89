package dev.bazaar.searchconsumer;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
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
 * The real Flipkart sample, read (never copied) from {@code ${BAZAAR_DATA_DIR:-../shared/data}}
 * beside the repository, turned into canonical items roughly as inbound-service does, so the index
 * is exercised with real titles, categories and odd attribute values.
 */
public final class FlipkartSample {

    static final String FILE = "flipkart_com-ecommerce_sample.csv";
    private static final Pattern SPEC = Pattern.compile("\"key\"=>\"(.*?)\", \"value\"=>\"(.*?)\"");
    private static final Pattern URL = Pattern.compile("\"(http[^\"]+)\"");

    /** The CSV if the data folder exists; tests skip with a message otherwise. */
    public static Optional<Path> locate() {
        String configured = System.getenv("BAZAAR_DATA_DIR");
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            Path root = Path.of("").toAbsolutePath();
            while (root != null && !Files.exists(root.resolve("mvnw")) || root != null && !Files.exists(root.resolve("bazaar"))) {
                root = root.getParent();
            }
            if (root == null) {
                return Optional.empty();
            }
            dir = root.resolve("../shared/data").normalize();
        }
        Path file = dir.resolve(FILE);
        return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }

    public static List<CanonicalItem> items(Path csv) throws IOException {
        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        List<CanonicalItem> items = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size() || row.get(header.indexOf("pid")).isBlank()) {
                continue; // the published sample has blank rows
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                r.put(header.get(i), row.get(i));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            Matcher spec = SPEC.matcher(r.get("product_specifications"));
            while (spec.find()) {
                attributes.putIfAbsent(spec.group(1), spec.group(2));
            }
            attributes.put("Rating", r.get("product_rating"));
            List<String> images = new ArrayList<>();
            Matcher url = URL.matcher(r.get("image"));
            while (url.find()) {
                images.add(url.group(1));
            }
            String tree = r.get("product_category_tree").replaceAll("^\\[\"|\"]$", "");
            List<String> path = Arrays.stream(tree.split(">>")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            String sku = r.get("pid");
            items.add(new CanonicalItem(ItemIds.of("flipkart", sku), "flipkart", sku, 1, r.get("product_name"),
                    r.get("brand").isBlank() ? null : r.get("brand"), path, money(r.get("discounted_price")),
                    money(r.get("retail_price")), images, r.get("description"), attributes, SizeClass.MEDIUM, true));
        }
        return items;
    }

    private static Money money(String rupees) {
        try {
            return rupees.isBlank() ? null : Money.inr(Math.round(Double.parseDouble(rupees) * 100));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
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

    private FlipkartSample() {
    }
}
