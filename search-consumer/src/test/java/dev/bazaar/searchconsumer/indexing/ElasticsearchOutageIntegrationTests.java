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
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch unreachable: events wait (retried with back-off) instead of being dropped or
 * dead-lettered, and are indexed once it is back. Elasticsearch is reached through a proxy the
 * test cuts, so the shared server keeps running for everyone else.
 */
@SpringBootTest
@UsesLocalServers(LocalServer.KAFKA)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchOutageIntegrationTests {

    static final SwitchableProxy PROXY = proxy();

    @DynamicPropertySource
    static void elasticsearchThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + PROXY.port());
        registry.add("bazaar.elasticsearch.index-prefix",
                () -> "t_esoutage_" + Long.toString(System.nanoTime(), 36) + "-");
    }

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ItemIndexNames indexNames;

    @Autowired
    IsolatedNames names;

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
        await().atMost(Duration.ofSeconds(30)).until(() -> index.find(before.itemId()).isPresent());

        PROXY.cut();
        CanonicalItem during = kurta("supplier-o", "O-2", 1);
        publisher.publish(changed(during)).get(10, TimeUnit.SECONDS);
        publisher.publish(stock(before.itemId(), 0, 1)).get(10, TimeUnit.SECONDS);
        // Well past the platform's 2 retries (50 ms apart in tests) that would dead-letter poison.
        Thread.sleep(4_000);
        PROXY.restore();

        await().atMost(Duration.ofSeconds(30)).until(() -> index.find(during.itemId()).isPresent()
                && index.find(before.itemId()).map(d -> !d.listed()).orElse(false));
        for (String topic : new String[] { Topics.CATALOG_ITEMS, Topics.INVENTORY_STOCK }) {
            assertThat(KafkaRecords.read(LocalServer.KAFKA.address(), Topics.deadLetterOf(names.topic(topic)),
                    records -> false, Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static SwitchableProxy proxy() {
        try {
            return new SwitchableProxy(LocalServer.ELASTICSEARCH.host(), LocalServer.ELASTICSEARCH.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
