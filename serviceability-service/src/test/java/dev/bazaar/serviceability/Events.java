package dev.bazaar.serviceability;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as inventory-service and item-service publish them. */
public final class Events {

    public static StockChanged stock(String itemId, String warehouseId, long available, long version) {
        return new StockChanged(UUID.randomUUID(), Instant.now(), itemId, warehouseId, available, available, version);
    }

    public static CatalogItemChanged item(String itemId, SizeClass size, long version) {
        return item(itemId, size, version, CatalogItemChanged.Change.CREATED, true);
    }

    public static CatalogItemChanged item(
            String itemId, SizeClass size, long version, CatalogItemChanged.Change change, boolean active) {
        var item = new CanonicalItem(
                itemId,
                "s1",
                "sku-" + itemId,
                version,
                "Item",
                "Brand",
                List.of("Home"),
                Money.inr(10_000),
                null,
                List.of(),
                "desc",
                Map.of(),
                size,
                active);
        return new CatalogItemChanged(UUID.randomUUID(), Instant.now(), change, item);
    }

    private Events() {}
}
