package dev.bazaar.item.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mongo and Kafka share no transaction: a crash or a broker outage between storing a change and
 * the broker's ack leaves the change marked unpublished in its item. This sweep re-publishes
 * those, with their original event ids, so no catalogue change is ever lost; at worst a consumer
 * sees a duplicate it drops by {@code ce_id}. It runs periodically but scans only when leftovers
 * are possible: once after start, and after a failed ack ({@link CatalogChangePublisher}).
 */
@Component
class UnpublishedChangeSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnpublishedChangeSweeper.class);
    private static final int PAGE = 500;

    private final ItemStore store;
    private final CatalogChangePublisher publisher;
    private final Duration grace;
    private final Clock clock;

    UnpublishedChangeSweeper(ItemStore store, CatalogChangePublisher publisher,
            @Value("${bazaar.items.republish.grace:PT10S}") Duration grace) {
        this.store = store;
        this.publisher = publisher;
        this.grace = grace;
        this.clock = Clock.systemUTC();
    }

    /** The grace period leaves changes whose publication is still in flight to their writer. */
    @Scheduled(initialDelayString = "${bazaar.items.republish.initial-delay:PT5S}",
            fixedDelayString = "${bazaar.items.republish.interval:PT30S}")
    void sweep() {
        if (!publisher.takeLeftoverCheck()) {
            return;
        }
        Instant cutoff = Instant.now(clock).minus(grace);
        int total = 0;
        List<ItemDocument> page;
        do {
            page = store.findUnpublished(cutoff, PAGE);
            int acked = publisher.publishPending(page);
            total += acked;
            if (acked < page.size()) {
                break; // Kafka is struggling: the publisher asked for another look next round.
            }
        } while (page.size() == PAGE);
        if (store.hasUnpublished()) {
            publisher.expectLeftovers(); // changes still within their writer's grace period, or new failures
        }
        if (total > 0) {
            log.info("Re-published {} catalogue changes that had not been acknowledged", total);
        }
    }
}
