package dev.bazaar.search.support;

import dev.bazaar.contracts.catalog.ItemIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Flipkart sample ({@code $BAZAAR_DATA_DIR}, default {@code ../../shared/data} from the
 * module) read minimally into fixture documents: pid → item id, product_name, brand, the category
 * tree {@code ["A >> B >> C"]}, discounted_price (price) and retail_price (MRP) in paise, the
 * numeric rating when there is one, and "key"=>"value" pairs of the specifications as attributes.
 * Blank rows and rows without both prices are skipped; every 25th product is marked out of stock
 * so tests can check unlisted items never show.
 */
public final class FlipkartSample {

    public static final Path FILE = Path.of(System.getenv().getOrDefault("BAZAAR_DATA_DIR", "../../shared/data"))
            .resolve("flipkart_com-ecommerce_sample.csv");
    public static final String SUPPLIER = "flipkart-sample";
    private static final Pattern SPEC = Pattern.compile("\"key\"=>\"([^\"]{1,60})\", \"value\"=>\"([^\"]{1,100})\"");

    public static boolean available() {
        return Files.isReadable(FILE);
    }

    public static List<ItemDoc> read() throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(FILE, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        Map<String, ItemDoc> docs = new LinkedHashMap<>();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size()) {
                continue;
            }
            String pid = row.get(column.get("pid")).strip();
            Long price = rupees(row.get(column.get("discounted_price")));
            Long mrp = rupees(row.get(column.get("retail_price")));
            if (pid.isEmpty() || price == null || mrp == null) {
                continue;
            }
            String itemId = ItemIds.of(SUPPLIER, pid);
            if (docs.containsKey(itemId)) {
                continue;
            }
            int n = docs.size();
            ItemDoc doc = ItemDoc.item(itemId)
                    .title(row.get(column.get("product_name")).strip())
                    .brand(blankToNull(row.get(column.get("brand"))))
                    .description(row.get(column.get("description")))
                    .category(categoryPath(row.get(column.get("product_category_tree"))))
                    .price(price, mrp)
                    .rating(rating(row.get(column.get("product_rating"))))
                    .sizeClass("SMALL")
                    .inStock(n % 25 != 24)
                    .createdAt(base.plusSeconds(3_600L * n));
            Matcher spec = SPEC.matcher(row.get(column.get("product_specifications")));
            while (spec.find()) {
                doc.attribute(spec.group(1), spec.group(2));
            }
            docs.put(itemId, doc);
        }
        return new ArrayList<>(docs.values());
    }

    /** {@code ["Clothing >> Women's Clothing >> …"]} → segments. */
    static List<String> categoryPath(String tree) {
        String inner = tree.strip();
        if (inner.startsWith("[\"")) {
            inner = inner.substring(2);
        }
        if (inner.endsWith("\"]")) {
            inner = inner.substring(0, inner.length() - 2);
        }
        return Arrays.stream(inner.split(">>")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Long rupees(String value) {
        try {
            return value == null || value.isBlank() ? null : Math.round(Double.parseDouble(value.strip()) * 100);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double rating(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class Csv {

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
    }

    private FlipkartSample() {
    }
}
