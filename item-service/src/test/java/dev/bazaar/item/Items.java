package dev.bazaar.item;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test items: a kurta of a supplier, in whatever version and state a test needs. */
public final class Items {

    public static CanonicalItem kurta(String supplierId, String sku, long version) {
        return new CanonicalItem(
                ItemIds.of(supplierId, sku),
                supplierId,
                sku,
                version,
                "Cotton kurta " + sku,
                "Fabindia",
                List.of("Clothing", "Women's Clothing", "Kurtas"),
                Money.inr(79_900),
                Money.inr(99_900),
                List.of("https://img.example/" + sku + ".jpg"),
                "A straight cotton kurta",
                Map.of("fabric", "cotton", "sleeve", "3/4"),
                SizeClass.SMALL,
                true);
    }

    public static CanonicalItem withTitle(CanonicalItem item, long version, String title) {
        return new CanonicalItem(
                item.itemId(),
                item.supplierId(),
                item.supplierSku(),
                version,
                title,
                item.brand(),
                item.categoryPath(),
                item.price(),
                item.mrp(),
                item.images(),
                item.description(),
                item.attributes(),
                item.sizeClass(),
                item.active());
    }

    public static CanonicalItem inactive(CanonicalItem item, long version) {
        return new CanonicalItem(
                item.itemId(),
                item.supplierId(),
                item.supplierSku(),
                version,
                item.title(),
                item.brand(),
                item.categoryPath(),
                item.price(),
                item.mrp(),
                item.images(),
                item.description(),
                item.attributes(),
                item.sizeClass(),
                false);
    }

    public static CanonicalItem withVersion(CanonicalItem item, long version) {
        return withTitle(item, version, item.title());
    }

    public static SupplierItemReceived received(CanonicalItem item) {
        return new SupplierItemReceived(UUID.randomUUID(), Instant.now(), "import-1", item);
    }

    private Items() {}
}
