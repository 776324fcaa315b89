package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import java.time.Instant;
import java.util.UUID;

/**
 * A change stored with the item but not yet acknowledged by Kafka. Its event id is fixed when the
 * change is written, so a re-publication (after a crash or a broker outage) carries the same
 * {@code ce_id} and consumers drop the duplicate.
 */
public record PendingChange(String eventId, Change change, Instant occurredAt) {

    public static PendingChange of(Change change, Instant now) {
        return new PendingChange(UUID.randomUUID().toString(), change, now);
    }
}
