package dev.bazaar.item;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.testing.SupplierItems;
import java.util.List;
import java.util.Map;

/** Test items: a kurta of a supplier, in whatever version and state a test needs. */
public final class Items {

    public static CanonicalItem kurta(String supplierId, String sku, long version) {
        return SupplierItems.kurta(supplierId, sku)
                .version(version)
                .images(List.of("https://img.example/" + sku + ".jpg"))
                .attributes(Map.of("fabric", "cotton", "sleeve", "3/4"))
                .build();
    }

    public static CanonicalItem withTitle(CanonicalItem item, long version, String title) {
        return SupplierItems.from(item).version(version).title(title).build();
    }

    public static CanonicalItem inactive(CanonicalItem item, long version) {
        return SupplierItems.from(item).version(version).active(false).build();
    }

    public static CanonicalItem withVersion(CanonicalItem item, long version) {
        return SupplierItems.from(item).version(version).build();
    }

    public static SupplierItemReceived received(CanonicalItem item) {
        return SupplierItems.received(item, "import-1");
    }

    private Items() {}
}
