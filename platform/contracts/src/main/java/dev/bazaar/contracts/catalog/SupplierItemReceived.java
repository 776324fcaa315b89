package dev.bazaar.contracts.catalog;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** inbound-service accepted a supplier row and translated it into a canonical item. */
public record SupplierItemReceived(UUID eventId, Instant occurredAt, String importId, CanonicalItem item)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.SUPPLIER_ITEMS;
    }

    @Override
    public String key() {
        return item.itemId();
    }
}
