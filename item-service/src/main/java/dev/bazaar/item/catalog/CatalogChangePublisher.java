package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Second half of the write path: items are stored with their change marked unpublished, then this
 * sends one {@code catalog.items.v1} event per item (all at once, awaited together) and clears the
 * marks the broker acknowledged. What fails stays marked for {@link UnpublishedChangeSweeper}.
 */
@Component
public class CatalogChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(CatalogChangePublisher.class);

    private final IntegrationEventPublisher events;
    private final ItemStore store;
    private final Duration ackTimeout;
    // True while unacknowledged changes may exist: at start (a crash may have left some) and after a
    // failed ack. Only then does the sweeper scan the collection, which on the local mongo-java-server
    // (no secondary indexes) reads every item and blocks writers meanwhile.
    private final AtomicBoolean leftoversPossible = new AtomicBoolean(true);

    CatalogChangePublisher(IntegrationEventPublisher events, ItemStore store,
            @Value("${bazaar.items.publish-ack-timeout:PT30S}") Duration ackTimeout) {
        this.events = events;
        this.store = store;
        this.ackTimeout = ackTimeout;
    }

    /** Publishes the pending change of each item (as stored) and returns how many were acknowledged. */
    public int publishPending(List<ItemDocument> items) {
        Map<ItemDocument, CompletableFuture<?>> sends = new LinkedHashMap<>();
        for (ItemDocument item : items) {
            if (!item.unpublished().isEmpty()) {
                sends.put(item, send(item));
            }
        }
        awaitAll(sends.values());
        List<String> ackedItems = new ArrayList<>();
        List<String> ackedEvents = new ArrayList<>();
        sends.forEach((item, send) -> {
            if (send.isDone() && !send.isCompletedExceptionally()) {
                ackedItems.add(item.id());
                item.unpublished().forEach(change -> ackedEvents.add(change.eventId()));
            }
        });
        store.markPublished(ackedItems, ackedEvents);
        if (ackedItems.size() < sends.size()) {
            expectLeftovers();
            log.warn("{} of {} catalogue changes not acknowledged by Kafka; they stay pending and will be re-published",
                    sends.size() - ackedItems.size(), sends.size());
        }
        return ackedItems.size();
    }

    /** Asks the sweeper to look for unacknowledged changes on its next run. */
    void expectLeftovers() {
        leftoversPossible.set(true);
    }

    /** Whether the sweeper should look now; the flag is cleared until the next failure. */
    boolean takeLeftoverCheck() {
        return leftoversPossible.getAndSet(false);
    }

    /**
     * The latest pending change names the event: a snapshot is complete, so one event per item
     * supersedes any older pending ones of the same item.
     */
    private CompletableFuture<?> send(ItemDocument item) {
        PendingChange latest = item.unpublished().get(item.unpublished().size() - 1);
        var event = new CatalogItemChanged(java.util.UUID.fromString(latest.eventId()), latest.occurredAt(),
                latest.change(), item.toCanonical());
        try {
            return events.publish(event);
        } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAll(Iterable<CompletableFuture<?>> sends) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        sends.forEach(all::add);
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Individual failures are read from each future; the sweeper retries them.
            log.debug("Some catalogue events failed", e);
        }
    }
}
