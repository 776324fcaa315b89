package dev.bazaar.searchconsumer;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.FlipkartSampleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Flipkart sample ({@link FlipkartSampleFile}) turned into canonical items roughly as
 * inbound-service does, so the index is exercised with real titles, categories and odd attribute values.
 */
public final class FlipkartSample {

    private FlipkartSample() {}

    public static List<CanonicalItem> items(Path csv) throws IOException {
        return FlipkartSampleFile.rows(csv).stream().map(FlipkartSample::item).toList();
    }

    private static CanonicalItem item(Map<String, String> row) {
        Map<String, Object> attributes =
                new LinkedHashMap<>(FlipkartSampleFile.specifications(row.get("product_specifications")));
        attributes.put("Rating", row.get("product_rating"));
        String sku = row.get("pid");
        return new CanonicalItem(
                ItemIds.of("flipkart", sku),
                "flipkart",
                sku,
                1,
                row.get("product_name"),
                row.get("brand").isBlank() ? null : row.get("brand"),
                FlipkartSampleFile.categoryPath(row.get("product_category_tree")),
                money(row.get("discounted_price")),
                money(row.get("retail_price")),
                FlipkartSampleFile.images(row.get("image")),
                row.get("description"),
                attributes,
                SizeClass.MEDIUM,
                true);
    }

    private static Money money(String rupees) {
        try {
            return rupees.isBlank() ? null : Money.inr(Math.round(Double.parseDouble(rupees) * 100));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
