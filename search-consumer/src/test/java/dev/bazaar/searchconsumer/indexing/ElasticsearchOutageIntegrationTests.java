package dev.bazaar.searchconsumer.indexing;

import static dev.bazaar.searchconsumer.TestEvents.changed;
import static dev.bazaar.searchconsumer.TestEvents.kurta;
import static dev.bazaar.searchconsumer.TestEvents.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.searchconsumer.SearchIndex;
import dev.bazaar.searchconsumer.SwitchableProxy;
import dev.bazaar.searchconsumer.index.ItemIndexNames;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch unreachable: events wait (retried with back-off) instead of being dropped or
 * dead-lettered, and are indexed once it is back. Elasticsearch is reached through a proxy the
 * test cuts, so the shared server keeps running for everyone else. The platform's poison retries are
 * stated here: the outage is measured against them.
 */
@SpringBootTest(properties = "bazaar.kafka.retries=2")
@UsesLocalServers(LocalServer.KAFKA)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchOutageIntegrationTests {

    static final SwitchableProxy PROXY = proxy();

    @DynamicPropertySource
    static void elasticsearchThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + PROXY.port());
        registry.add(
                "bazaar.elasticsearch.index-prefix", () -> "t_esoutage_" + Long.toString(System.nanoTime(), 36) + "-");
    }

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ItemIndexNames indexNames;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    @Value("${bazaar.kafka.retries}")
    int retries;

    @AfterAll
    void dropIndex() throws IOException {
        PROXY.restore();
        new SearchIndex(client, indexNames).drop();
        PROXY.close();
    }

    @Test
    void eventsWaitForElasticsearchAndNothingGoesToTheDeadLetterTopic() throws Exception {
        SearchIndex index = new SearchIndex(client, indexNames);
        CanonicalItem before = kurta("supplier-o", "O-1", 1);
        publisher.publish(changed(before)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> index.find(before.itemId()).isPresent());

        PROXY.cut();
        double catalogWaits = unavailable("catalog");
        double stockWaits = unavailable("stock");
        CanonicalItem during = kurta("supplier-o", "O-2", 1);
        publisher.publish(changed(during)).get(10, TimeUnit.SECONDS);
        publisher.publish(stock(before.itemId(), 0, 1)).get(10, TimeUnit.SECONDS);
        // Each event has been delivered and put back more often than poison is before it goes to the DLT
        // (once plus the platform's retries): the outage back-off, not the poison one, is in charge.
        int poisonAttempts = retries + 1;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> unavailable("catalog") - catalogWaits > poisonAttempts
                        && unavailable("stock") - stockWaits > poisonAttempts);
        PROXY.restore();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> index.find(during.itemId()).isPresent()
                        && index.find(before.itemId()).map(d -> !d.listed()).orElse(false));
        // A dead-lettered record is published before the consumer moves past it, so by now it would be there.
        for (String topic : new String[] {Topics.CATALOG_ITEMS, Topics.INVENTORY_STOCK}) {
            assertThat(KafkaRecords.recordsNow(LocalServer.KAFKA.address(), Topics.deadLetterOf(names.topic(topic))))
                    .as("records in the DLT of " + topic)
                    .isZero();
        }
    }

    /** Events of the source whose batch found Elasticsearch unavailable, counted at every delivery attempt. */
    private double unavailable(String source) {
        var counter = meters.find("bazaar.search.consumer.events")
                .tag("source", source)
                .tag("outcome", "unavailable")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static SwitchableProxy proxy() {
        try {
            return new SwitchableProxy(LocalServer.ELASTICSEARCH.host(), LocalServer.ELASTICSEARCH.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
