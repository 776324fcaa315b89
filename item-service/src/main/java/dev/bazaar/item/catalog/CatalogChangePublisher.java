package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mongo and Kafka share no transaction, so every write of item changes goes in three steps:
 * {@link #intend} records the items and their event ids in one small document, the caller writes
 * the items, {@link #publish} sends one {@code catalog.items.v1} event per item (all at once,
 * awaited together) and forgets the intent once the broker acknowledged them all. An intent that
 * stays (crash, broker outage) is finished by {@link UnpublishedChangeSweeper}.
 */
@Component
public class CatalogChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(CatalogChangePublisher.class);

    private final IntegrationEventPublisher events;
    private final PublicationIntents intents;
    private final Duration ackTimeout;
    // True while intents may outlive their writer: at start (a crash may have left some) and after a
    // failed ack. Only then does the sweeper look.
    private final AtomicBoolean leftoversPossible = new AtomicBoolean(true);

    CatalogChangePublisher(IntegrationEventPublisher events, PublicationIntents intents,
            @Value("${bazaar.items.publish-ack-timeout:PT30S}") Duration ackTimeout) {
        this.events = events;
        this.intents = intents;
        this.ackTimeout = ackTimeout;
    }

    /** Before writing {@code items} (as they will be stored): records their pending events; returns the intent id. */
    public String intend(Collection<ItemDocument> items) {
        List<PublicationIntent.Entry> entries = items.stream()
                .map(item -> new PublicationIntent.Entry(item.id(), item.lastChange().eventId())).toList();
        return intents.record(entries, Instant.now());
    }

    /** The write the intent announced did not happen (a conflict the caller reports). */
    public void abandon(String intentId) {
        intents.forget(List.of(intentId));
    }

    /**
     * Publishes the last change of each written item and, if Kafka acknowledged every one, forgets
     * the intents that announced them. Returns how many were acknowledged.
     */
    public int publish(List<ItemDocument> written, Collection<String> intentIds) {
        List<CompletableFuture<?>> sends = written.stream().map(this::send).toList();
        awaitAll(sends);
        int acked = (int) sends.stream().filter(send -> send.isDone() && !send.isCompletedExceptionally()).count();
        if (acked == sends.size()) {
            intents.forget(intentIds);
        } else {
            expectLeftovers();
            log.warn("{} of {} catalogue changes not acknowledged by Kafka; they will be re-published",
                    sends.size() - acked, sends.size());
        }
        return acked;
    }

    /** Asks the sweeper to look for leftover intents on its next run. */
    void expectLeftovers() {
        leftoversPossible.set(true);
    }

    /** Whether the sweeper should look now; the flag is cleared until the next failure. */
    boolean takeLeftoverCheck() {
        return leftoversPossible.getAndSet(false);
    }

    private CompletableFuture<?> send(ItemDocument item) {
        ItemChange change = item.lastChange();
        var event = new CatalogItemChanged(UUID.fromString(change.eventId()), change.occurredAt(), change.change(),
                item.toCanonical());
        try {
            return events.publish(event);
        } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Individual failures are read from each future; the sweeper retries them.
            log.debug("Some catalogue events failed", e);
        }
    }
}
