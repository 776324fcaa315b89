package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import java.time.Instant;
import java.util.UUID;

/**
 * The change that produced an item's current revision, stored with the item. Its event id is fixed
 * when the change is written, so a re-publication (after a crash or a broker outage) carries the
 * same {@code ce_id} and consumers drop the duplicate; it also tells whether a given write applied.
 */
public record ItemChange(String eventId, Change change, Instant occurredAt) {

    public static ItemChange of(Change change, Instant now) {
        return new ItemChange(UUID.randomUUID().toString(), change, now);
    }
}
