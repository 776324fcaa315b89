package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.starter.kafka.EventJson;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mongo and Kafka share no transaction, so every write of item changes goes in three steps:
 * {@link #intend} records the items and their event ids in one small document, the caller writes
 * the items, {@link #publish} sends one {@code catalog.items.v1} event per item (all at once,
 * awaited together) and forgets the intent once the broker acknowledged them all. An intent that
 * stays (crash, broker outage) is finished by {@link UnpublishedChangeSweeper}.
 *
 * <p>Because the intent is durable before the write, the bulk importer need not wait for the acks
 * ({@link #publishInBackground}): the next batch is written while this one's events are in flight,
 * with a bounded number of batches in flight so a slow broker slows the importer down.
 */
@Component
public class CatalogChangePublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogChangePublisher.class);

    private final IntegrationEventPublisher events;
    private final PublicationIntents intents;
    private final JsonMapper json;
    private final Duration ackTimeout;
    private final int maxBatchesInFlight;
    private final Semaphore batchesInFlight;
    private final Counter acknowledged;
    // Forgets intents off the producer's network thread, which must never wait for Mongo.
    private final ExecutorService acknowledgements =
            Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "catalog-acks"));

    CatalogChangePublisher(
            IntegrationEventPublisher events,
            PublicationIntents intents,
            JsonMapper json,
            CatalogProperties properties,
            MeterRegistry meters) {
        this.events = events;
        this.intents = intents;
        this.json = json;
        this.ackTimeout = properties.publishAckTimeout();
        this.maxBatchesInFlight = properties.batchesInFlight();
        this.batchesInFlight = new Semaphore(maxBatchesInFlight);
        // Import batches are sent without a timer per record: this counts what the broker acknowledged.
        this.acknowledged = meters.counter("bazaar.items.events.acknowledged");
    }

    /** Before writing {@code items} (as they will be stored): records their pending events; returns the intent id. */
    public String intend(Collection<ItemDocument> items) {
        List<PublicationIntent.Entry> entries = items.stream()
                .map(item ->
                        new PublicationIntent.Entry(item.id(), item.lastChange().eventId()))
                .toList();
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
        List<CompletableFuture<?>> sends =
                written.stream().<CompletableFuture<?>>map(this::send).toList();
        awaitAll(sends);
        int acked = (int) sends.stream()
                .filter(send -> send.isDone() && !send.isCompletedExceptionally())
                .count();
        acknowledged.increment(acked);
        if (acked == sends.size()) {
            forget(intentIds);
        } else {
            log.warn(
                    "{} of {} catalogue changes not acknowledged by Kafka; they will be re-published",
                    sends.size() - acked,
                    sends.size());
        }
        return acked;
    }

    /**
     * Sends the events of a written batch and returns at once; the intents are forgotten when every
     * event is acknowledged. Blocks while too many batches are in flight.
     *
     * @param itemJson by item id, where at hand: the JSON of the item as its event carries it (see
     *        {@link EventJson})
     */
    public void publishInBackground(
            List<ItemDocument> written, Map<String, byte[]> itemJson, Collection<String> intentIds) {
        try {
            batchesInFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the intents stay: the sweeper publishes this batch
        }
        Map<Envelope, EventJson.Template> envelopes = new HashMap<>();
        List<CompletableFuture<?>> sends = written.stream()
                .<CompletableFuture<?>>map(item -> sendInBulk(item, itemJson.get(item.id()), envelopes))
                .toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync(
                        (ignored, failure) -> {
                            try {
                                if (failure == null) {
                                    acknowledged.increment(sends.size());
                                    forget(intentIds);
                                } else {
                                    log.warn(
                                            "{} catalogue changes not all acknowledged by Kafka; they will be re-published",
                                            sends.size(),
                                            failure);
                                }
                            } finally {
                                batchesInFlight.release();
                            }
                        },
                        acknowledgements);
    }

    /**
     * Everything was published; an intent that cannot be deleted now (Mongo unreachable) only costs
     * a duplicate event later, so it is left to the sweeper instead of failing the caller.
     */
    private void forget(Collection<String> intentIds) {
        try {
            intents.forget(intentIds);
        } catch (RuntimeException e) {
            log.warn(
                    "Published catalogue changes, but could not delete their intents {}; the sweeper will",
                    intentIds,
                    e);
        }
    }

    /** On shutdown, lets the batches in flight finish, so their intents do not wait for the sweeper. */
    @Override
    public void destroy() throws InterruptedException {
        if (batchesInFlight.tryAcquire(maxBatchesInFlight, ackTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            batchesInFlight.release(maxBatchesInFlight);
        }
        acknowledgements.shutdown();
    }

    private CompletableFuture<?> send(ItemDocument item) {
        try {
            return events.publish(event(item, item.toCanonical()));
        } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What the events of a batch that share it have in common besides their item. */
    private record Envelope(CatalogItemChanged.Change change, Instant occurredAt) {}

    /**
     * An import's event: sent without a span and timer per record (see IntegrationEventPublisher),
     * built around {@code itemJson} when given, in the envelope of its kind of change and time
     * (written once per batch, kept in {@code envelopes}).
     */
    private CompletableFuture<?> sendInBulk(
            ItemDocument item, byte[] itemJson, Map<Envelope, EventJson.Template> envelopes) {
        try {
            CatalogItemChanged event = event(item, item.toCanonical());
            if (itemJson == null) {
                return events.publishInBulk(event);
            }
            EventJson.Template envelope = envelopes.computeIfAbsent(
                    new Envelope(event.change(), event.occurredAt()),
                    key -> EventJson.template(json, event(item, null), "item"));
            return events.publishInBulk(event, envelope.build(event.eventId(), itemJson));
        } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CatalogItemChanged event(ItemDocument item, CanonicalItem canonical) {
        ItemChange change = item.lastChange();
        return new CatalogItemChanged(
                UUID.fromString(change.eventId()), change.occurredAt(), change.change(), canonical);
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
