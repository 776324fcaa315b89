package dev.bazaar.searchconsumer.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Counters and the bulk timer, in Prometheus as {@code bazaar_search_consumer_events_total{source,outcome}}
 * (applied | stale | poison | unavailable, per delivery attempt: a batch that waits for Elasticsearch
 * counts as unavailable at every retry), {@code bazaar_search_consumer_documents_total{outcome}}
 * (written | rejected), {@code bazaar_search_consumer_conflicts_total} and {@code bazaar_search_consumer_bulk_seconds}.
 */
@Component
class IndexingMetrics {

    private final MeterRegistry registry;
    private final Timer bulk;
    private final Counter conflicts;

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bulk = Timer.builder("bazaar.search.consumer.bulk")
                .description("Latency of one _bulk request to Elasticsearch")
                .publishPercentileHistogram()
                .register(registry);
        this.conflicts = Counter.builder("bazaar.search.consumer.conflicts")
                .description("Documents re-read and merged again after a version conflict")
                .register(registry);
    }

    public void events(String source, String outcome, long count) {
        if (count > 0) {
            Counter.builder("bazaar.search.consumer.events")
                    .description("Events by outcome")
                    .tag("source", source)
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment(count);
        }
    }

    public void documents(String outcome, long count) {
        if (count > 0) {
            Counter.builder("bazaar.search.consumer.documents")
                    .description("Documents sent to the index by outcome")
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment(count);
        }
    }

    public void conflicts(long count) {
        conflicts.increment(count);
    }

    public Timer bulkTimer() {
        return bulk;
    }
}
