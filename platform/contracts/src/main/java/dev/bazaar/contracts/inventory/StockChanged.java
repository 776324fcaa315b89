package dev.bazaar.contracts.inventory;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * Stock of one item in one warehouse after a change. {@code version} grows with every change of
 * that item, so projections can ignore an older event that arrives late.
 */
public record StockChanged(
        UUID eventId,
        Instant occurredAt,
        String itemId,
        String warehouseId,
        long available,
        long totalAvailable,
        long version)
        implements IntegrationEvent {

    public boolean inStock() {
        return totalAvailable > 0;
    }

    @Override
    public String topic() {
        return Topics.INVENTORY_STOCK;
    }

    @Override
    public String key() {
        return itemId;
    }
}
