package dev.bazaar.demo;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.ItemIds;
import java.util.List;
import java.util.Map;

/**
 * One generated product, in the fields of inbound-service's {@code canonical-json} format, plus the
 * size class its parcel was made for (inbound derives the class itself from weight and dimensions;
 * the integration test checks it arrives at the same one).
 *
 * @param priceRupees and {@code mrpRupees}: whole rupees, as the canonical format takes them
 */
public record DemoItem(
        String supplierSku,
        String title,
        String brand,
        List<String> categoryPath,
        long priceRupees,
        long mrpRupees,
        List<String> images,
        String description,
        Map<String, Object> attributes,
        Parcel parcel,
        SizeClass sizeClass) {

    /** The id every service gives this item: derived from the demo supplier and the SKU. */
    public String itemId() {
        return ItemIds.of(DemoCatalogue.SUPPLIER_ID, supplierSku);
    }

    public String department() {
        return categoryPath.get(0);
    }
}
