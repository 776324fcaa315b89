package dev.bazaar.wishlist.stock;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.inventory.StockChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code inventory.stock.v1} into {@code item_stock}: every item's total stock, whether or not a
 * wishlist holds it yet, so an entry added later reads its stock at once. The versioned upsert makes
 * each event idempotent by itself, so the starter's {@code ProcessedEvents} is not used: it would
 * keep one row per stock event, with no purge, for a protection the version already gives. A
 * malformed event throws, and the starter's error handler parks it on the DLT.
 */
@Component
class StockListener {

    private final ItemStocks stocks;

    StockListener(ItemStocks stocks) {
        this.stocks = stocks;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.INVENTORY_STOCK)
    void on(StockChanged event) {
        require(ItemIds.isValid(event.itemId()), "StockChanged without a valid itemId: " + event.itemId());
        require(event.version() > 0, "StockChanged version must be positive: " + event.version());
        require(event.totalAvailable() >= 0, "StockChanged totalAvailable below 0: " + event.totalAvailable());
        stocks.apply(event.itemId(), event.totalAvailable(), event.version());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
