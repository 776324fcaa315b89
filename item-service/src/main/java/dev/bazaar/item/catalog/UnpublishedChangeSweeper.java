package dev.bazaar.item.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes publication intents their writer left behind (it died, or Kafka was down): each item
 * that still holds the intended event id is published with that id, so no catalogue change is
 * ever lost and a consumer drops the rare duplicate by {@code ce_id}. An item holding another id
 * was either never written (the crash came first) or written again since, and that later write
 * announces itself. Runs periodically; the intents collection is tiny (one document per batch in
 * flight), so a look costs one small query whatever the size of the catalogue.
 */
@Component
class UnpublishedChangeSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnpublishedChangeSweeper.class);
    private static final int PAGE = 20;

    private final PublicationIntents intents;
    private final ItemStore store;
    private final CatalogChangePublisher publisher;
    private final Duration grace;
    private final Clock clock;

    UnpublishedChangeSweeper(
            PublicationIntents intents,
            ItemStore store,
            CatalogChangePublisher publisher,
            CatalogProperties properties) {
        this.intents = intents;
        this.store = store;
        this.publisher = publisher;
        this.grace = properties.republish().grace();
        this.clock = Clock.systemUTC();
    }

    /** The grace period leaves intents whose publication is still in flight to their writer. */
    @Scheduled(
            initialDelayString = "${bazaar.items.republish.initial-delay:PT5S}",
            fixedDelayString = "${bazaar.items.republish.interval:PT30S}")
    void sweep() {
        Instant cutoff = Instant.now(clock).minus(grace);
        int total = 0;
        List<PublicationIntent> page;
        do {
            page = intents.olderThan(cutoff, PAGE);
            for (PublicationIntent intent : page) {
                List<ItemDocument> written = writtenItems(intent);
                int acked = publisher.publish(written, List.of(intent.id()));
                total += acked;
                if (acked < written.size()) {
                    return; // Kafka is struggling: the next round tries again.
                }
            }
        } while (page.size() == PAGE);
        if (total > 0) {
            log.info("Re-published {} catalogue changes that had not been acknowledged", total);
        }
    }

    private List<ItemDocument> writtenItems(PublicationIntent intent) {
        List<String> ids =
                intent.entries().stream().map(PublicationIntent.Entry::itemId).toList();
        Map<String, ItemDocument> stored = store.findAll(ids);
        return intent.entries().stream()
                .filter(entry -> stored.containsKey(entry.itemId())
                        && stored.get(entry.itemId()).writtenWith(entry.eventId()))
                .map(entry -> stored.get(entry.itemId()))
                .distinct()
                .toList();
    }
}
