package dev.bazaar.search.support;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.FlipkartSampleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real Flipkart sample ({@link FlipkartSampleFile}) read into fixture documents: pid → item id, product_name, brand, the category
 * tree {@code ["A >> B >> C"]}, discounted_price (price) and retail_price (MRP) in paise, the
 * numeric rating when there is one, and "key"=>"value" pairs of the specifications as attributes.
 * Blank rows and rows without both prices are skipped; every 25th product is marked out of stock
 * so tests can check unlisted items never show.
 */
public final class FlipkartSample {

    public static final Optional<Path> FILE = FlipkartSampleFile.locate();
    public static final String SUPPLIER = "flipkart-sample";

    public static boolean available() {
        return FILE.isPresent();
    }

    public static List<ItemDoc> read() throws IOException {
        Map<String, ItemDoc> docs = new LinkedHashMap<>();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        for (Map<String, String> row : FlipkartSampleFile.rows(FILE.orElseThrow())) {
            String pid = row.get("pid").strip();
            Long price = rupees(row.get("discounted_price"));
            Long mrp = rupees(row.get("retail_price"));
            if (price == null || mrp == null) {
                continue;
            }
            String itemId = ItemIds.of(SUPPLIER, pid);
            if (docs.containsKey(itemId)) {
                continue;
            }
            int n = docs.size();
            ItemDoc doc = ItemDoc.item(itemId)
                    .title(row.get("product_name").strip())
                    .brand(blankToNull(row.get("brand")))
                    .description(row.get("description"))
                    .category(FlipkartSampleFile.categoryPath(row.get("product_category_tree")))
                    .price(price, mrp)
                    .rating(rating(row.get("product_rating")))
                    .sizeClass("SMALL")
                    .inStock(n % 25 != 24)
                    .createdAt(base.plusSeconds(3_600L * n));
            // Short keys and values only: long specification text makes poor facet values.
            FlipkartSampleFile.specifications(row.get("product_specifications")).forEach((key, value) -> {
                if (key.length() <= 60 && value.length() <= 100 && !key.contains("\"") && !value.contains("\"")) {
                    doc.attribute(key, value);
                }
            });
            docs.put(itemId, doc);
        }
        return new ArrayList<>(docs.values());
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

    private FlipkartSample() {}
}
