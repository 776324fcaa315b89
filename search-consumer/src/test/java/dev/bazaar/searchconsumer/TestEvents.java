package dev.bazaar.searchconsumer;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.testing.SupplierItems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Catalogue and stock events as item-service and inventory-service publish them. */
public final class TestEvents {

    public static CanonicalItem kurta(String supplierId, String sku, long version) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sleeve", "3/4");
        attributes.put("fabric", "cotton");
        attributes.put("Rating", 4.2);
        attributes.put("care", "x".repeat(300));
        return SupplierItems.kurta(supplierId, sku)
                .version(version)
                .images(List.of("https://img.example/" + sku + ".jpg", "https://img.example/" + sku + "-2.jpg"))
                .attributes(attributes)
                .build();
    }

    public static CanonicalItem withTitle(CanonicalItem item, long version, String title) {
        return SupplierItems.from(item).version(version).title(title).build();
    }

    public static CanonicalItem withBrand(CanonicalItem item, String brand) {
        return SupplierItems.from(item).brand(brand).build();
    }

    public static CanonicalItem withActive(CanonicalItem item, long version, boolean active) {
        return SupplierItems.from(item).version(version).active(active).build();
    }

    public static CatalogItemChanged changed(CanonicalItem item) {
        Change change = !item.active() ? Change.DEACTIVATED : item.version() == 1 ? Change.CREATED : Change.UPDATED;
        return new CatalogItemChanged(UUID.randomUUID(), Instant.now(), change, item);
    }

    public static StockChanged stock(String itemId, long totalAvailable, long version) {
        return new StockChanged(
                UUID.randomUUID(), Instant.now(), itemId, "WH-BLR-1", totalAvailable, totalAvailable, version);
    }

    private TestEvents() {}
}
