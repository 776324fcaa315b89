package dev.bazaar.starter.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.starter.outbox.BatchOutbox;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every way a service sends an event carries the sender's W3C trace context to Kafka, and every
 * kind of listener continues that trace: the observed publisher, the bulk publisher, the batch
 * outbox (relayed later, by another thread), the transactional outbox, record and batch listeners.
 * Recorded spans reach a Zipkin-compatible collector when export is on.
 */
@SpringBootTest(
        properties = {"management.tracing.sampling.probability=1.0", "management.tracing.export.zipkin.enabled=true"})
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class KafkaTracingIntegrationTests {

    /** What a Zipkin-compatible collector (Jaeger in docker-compose) received: one JSON span list per POST. */
    static final BlockingQueue<String> exportedSpans = new LinkedBlockingQueue<>();

    static final HttpServer collector = collector();

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final BlockingQueue<String> recordListenerTraces = new LinkedBlockingQueue<>();
    static final BlockingQueue<String> batchListenerTraces = new LinkedBlockingQueue<>();

    @TestConfiguration
    static class Listeners {

        @Bean
        Object tracedListeners(Tracer tracer) {
            return new Object() {
                @KafkaListener(topics = "${bazaar.kafka.topic-prefix}" + Topics.INVENTORY_STOCK)
                void onRecord(StockChanged event) {
                    recordListenerTraces.add(event.itemId() + " " + currentTraceId(tracer));
                }

                @KafkaListener(
                        id = "batch-listener",
                        idIsGroup = false,
                        batch = "true",
                        topics = "${bazaar.kafka.topic-prefix}" + Topics.CATALOG_ITEMS)
                void onBatch(List<ConsumerRecord<String, byte[]>> records) {
                    batchListenerTraces.add(records.get(0).key() + " " + currentTraceId(tracer));
                }
            };
        }
    }

    @DynamicPropertySource
    static void exportTo(DynamicPropertyRegistry registry) {
        registry.add(
                "management.tracing.export.zipkin.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/api/v2/spans");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Autowired
    Tracer tracer;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    BatchOutbox batchOutbox;

    @Autowired
    ApplicationEventPublisher applicationEvents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IsolatedNames names;

    @Autowired
    Traces traces;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    ProducerFactory<String, byte[]> producers;

    @Test
    void anObservedPublishCarriesTheTraceToARecordListener() throws Exception {
        StockChanged event = stock("observed");

        String traceId = inNewTrace(() -> publisher.publish(event).join());

        assertThat(KafkaRecords.traceId(recordOf(Topics.INVENTORY_STOCK, "observed")))
                .isEqualTo(traceId);
        assertThat(awaitTrace(recordListenerTraces, "observed")).isEqualTo(traceId);
    }

    @Test
    void aBulkPublishCarriesTheTraceAndABatchListenerContinuesIt() throws Exception {
        IntegrationEvent bulk = new RoutedEvent(Topics.CATALOG_ITEMS, "bulk-1");

        String traceId = inNewTrace(() -> publisher.publishInBulk(bulk).join());

        assertThat(KafkaRecords.traceId(recordOf(Topics.CATALOG_ITEMS, "bulk-1")))
                .isEqualTo(traceId);
        assertThat(awaitTrace(batchListenerTraces, "bulk-1")).isEqualTo(traceId);
    }

    @Test
    void aBatchWithoutAnyTraceparentStartsANewTraceInsteadOfFailing() throws Exception {
        // A producer that sends no trace context (no observation, no span): a console tool, another stack.
        new KafkaTemplate<>(producers)
                .send(names.topic(Topics.CATALOG_ITEMS), "untraced-1", "{}".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS);
        assertThat(KafkaRecords.header(recordOf(Topics.CATALOG_ITEMS, "untraced-1"), Traces.TRACEPARENT))
                .isNull();

        assertThat(awaitTrace(batchListenerTraces, "untraced-1")).isNotEqualTo("none");
    }

    @Test
    void aBatchOutboxRowIsRelayedWithTheTraceThatStagedIt() {
        String traceId = inNewTrace(() -> transactions.execute(status -> {
            batchOutbox.stage(List.of(
                    new RoutedEvent(Topics.SUPPLIER_ITEMS, "staged-1"),
                    new RoutedEvent(Topics.SUPPLIER_ITEMS, "staged-2")));
            return null;
        }));

        assertThat(KafkaRecords.traceId(recordOf(Topics.SUPPLIER_ITEMS, "staged-1")))
                .isEqualTo(traceId);
        assertThat(KafkaRecords.traceId(recordOf(Topics.SUPPLIER_ITEMS, "staged-2")))
                .isEqualTo(traceId);
    }

    @Test
    void aTransactionalOutboxEventCarriesTheTraceOfItsTransaction() {
        StockChanged event = stock("outboxed");

        String traceId = inNewTrace(() -> transactions.execute(status -> {
            applicationEvents.publishEvent(event);
            return null;
        }));

        assertThat(KafkaRecords.traceId(recordOf(Topics.INVENTORY_STOCK, "outboxed")))
                .isEqualTo(traceId);
    }

    @Test
    void workStoredWithATraceparentContinuesThatTraceInANewSpan() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String[] seen = new String[2];

        traces.inSpan("import", traceparent, () -> {
            seen[0] = tracer.currentSpan().context().traceId();
            seen[1] = tracer.currentSpan().context().spanId();
        });

        assertThat(seen[0]).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen[1]).isNotEqualTo("00f067aa0ba902b7");
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void recordedSpansAreExportedWhenExportIsOn() throws Exception {
        String traceId = inNewTrace(() -> null);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String spans = exportedSpans.poll(1, TimeUnit.SECONDS);
            if (spans != null && spans.contains("\"traceId\":\"" + traceId + "\"")) {
                assertThat(spans).contains("\"name\":\"test request\"");
                return;
            }
        }
        throw new AssertionError("no span of trace " + traceId + " reached the collector");
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/spans", exchange -> {
                // The exporter gzips larger bodies, as Zipkin's and Jaeger's receivers accept.
                boolean gzipped =
                        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                try (InputStream body =
                        gzipped ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                    exportedSpans.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event of any topic: the tracing paths do not care what the event says. */
    record RoutedEvent(UUID eventId, Instant occurredAt, String topic, String key) implements IntegrationEvent {

        RoutedEvent(String topic, String key) {
            this(UUID.randomUUID(), Instant.now(), topic, key);
        }

        @Override
        public String type() {
            return "dev.bazaar.test.RoutedEvent";
        }
    }

    private static StockChanged stock(String itemId) {
        return new StockChanged(UUID.randomUUID(), Instant.now(), itemId, "BLR-1", 1, 1, 1);
    }

    /**
     * Runs {@code work} in a new trace, observed as a request is (an HTTP server observation is what
     * is current in a controller); returns that trace's id.
     */
    private String inNewTrace(Supplier<?> work) {
        return Observation.createNotStarted("test request", observations).observe(() -> {
            String traceId = tracer.currentSpan().context().traceId();
            work.get();
            return traceId;
        });
    }

    private ConsumerRecord<String, byte[]> recordOf(String topic, String key) {
        return KafkaRecords.firstWithKey(LocalServer.KAFKA.address(), names.topic(topic), key, TIMEOUT);
    }

    private static String awaitTrace(BlockingQueue<String> seen, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String entry = seen.poll(1, TimeUnit.SECONDS);
            if (entry != null && entry.startsWith(key + " ")) {
                return entry.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no listener saw " + key);
    }

    private static String currentTraceId(Tracer tracer) {
        Span span = tracer.currentSpan();
        return span == null ? "none" : span.context().traceId();
    }
}
