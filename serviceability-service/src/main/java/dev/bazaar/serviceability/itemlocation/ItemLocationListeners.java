package dev.bazaar.serviceability.itemlocation;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the projections from the owners' events: where an item is stocked (inventory-service) and
 * how big it is (item-service). MariaDB first, then memory: a crash in between is repaired by the
 * reload at startup. A malformed event throws, and the starter's error handler parks it on the DLT.
 */
@Component
class ItemLocationListeners {

    /** An item without a size class (a supplier left it out) is handled like a typical parcel. */
    static final SizeClass DEFAULT_SIZE = SizeClass.MEDIUM;

    private final ItemLocationStore store;
    private final ItemLocations locations;

    ItemLocationListeners(ItemLocationStore store, ItemLocations locations) {
        this.store = store;
        this.locations = locations;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.INVENTORY_STOCK)
    void on(StockChanged event) {
        require(event.itemId() != null && !event.itemId().isBlank(), "StockChanged without itemId");
        require(event.warehouseId() != null && !event.warehouseId().isBlank(), "StockChanged without warehouseId");
        store.saveStock(event.itemId(), event.warehouseId(), event.available(), event.version());
        locations.applyStock(event.itemId(), event.warehouseId(), event.available(), event.version());
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.CATALOG_ITEMS)
    void on(CatalogItemChanged event) {
        CanonicalItem item = event.item();
        require(
                item != null && item.itemId() != null && !item.itemId().isBlank(),
                "CatalogItemChanged without item id");
        SizeClass size = item.sizeClass() == null ? DEFAULT_SIZE : item.sizeClass();
        boolean active = item.active() && event.change() != CatalogItemChanged.Change.DEACTIVATED;
        store.saveSize(item.itemId(), size, active, item.version());
        locations.applySize(item.itemId(), size, active, item.version());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
