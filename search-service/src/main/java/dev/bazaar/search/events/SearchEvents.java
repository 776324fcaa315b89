package dev.bazaar.search.events;

import dev.bazaar.contracts.shopping.SearchPerformed;
import dev.bazaar.search.shopper.Shopper;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code search.queries.v1} fire-and-forget. The send runs on one background thread with
 * a bounded queue, because even an asynchronous Kafka send blocks its caller while the broker's
 * metadata is unknown (up to {@code max.block.ms}): a broker outage must not slow searches. An
 * event that cannot be queued or sent is dropped and counted in {@code bazaar.search.events.failed}
 * (the events feed recommendations; losing some during an outage is acceptable, a slow search is not).
 * The send runs in the search's observation (captured and restored on the sender thread) and
 * through the publisher's unobserved path (the template is not observed here, see application.yml),
 * which still writes the current {@code traceparent}: the record carries the search request's trace.
 */
@Component
public class SearchEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchEvents.class);
    static final int QUEUE = 10_000;

    private final IntegrationEventPublisher publisher;
    private final Clock clock;
    private final Counter failed;
    private final ThreadPoolExecutor sender;
    private final ContextSnapshotFactory snapshots =
            ContextSnapshotFactory.builder().build();

    public SearchEvents(IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
        this.failed = meters.counter("bazaar.search.events.failed");
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "search-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void searched(Shopper shopper, String query, Map<String, String> filters, long resultCount) {
        var event = new SearchPerformed(
                UUID.randomUUID(), clock.instant(), shopper.id(), shopper.anonymous(), query, filters, resultCount);
        try {
            sender.execute(snapshots.captureAll().wrap(() -> send(event)));
        } catch (RejectedExecutionException e) {
            failed.increment();
        }
    }

    private void send(SearchPerformed event) {
        try {
            publisher.publishInBulk(event).whenComplete((result, error) -> {
                if (error != null) {
                    failed.increment();
                    log.debug("search event not sent: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            failed.increment();
            log.debug("search event not sent: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
