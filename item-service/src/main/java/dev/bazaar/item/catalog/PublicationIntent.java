package dev.bazaar.item.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Written before a batch of item changes and deleted once Kafka acknowledged their events: one
 * small document per batch instead of a pending mark in every item, so each item is written once.
 * One that outlives its grace period names the items whose events may never have been sent.
 */
@Document(PublicationIntent.COLLECTION)
record PublicationIntent(@Id String id, Instant createdAt, List<Entry> entries) {

    static final String COLLECTION = "publication_intents";

    /** The item and the event id its write carries; the write applied iff the item still holds that id. */
    record Entry(String itemId, String eventId) {}
}
