package dev.bazaar.contracts.catalog;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** item-service changed its source of truth; carries the full snapshot so consumers need no call back. */
public record CatalogItemChanged(UUID eventId, Instant occurredAt, Change change, CanonicalItem item)
        implements IntegrationEvent {

    public enum Change {
        CREATED,
        UPDATED,
        DEACTIVATED
    }

    @Override
    public String topic() {
        return Topics.CATALOG_ITEMS;
    }

    @Override
    public String key() {
        return item.itemId();
    }
}
