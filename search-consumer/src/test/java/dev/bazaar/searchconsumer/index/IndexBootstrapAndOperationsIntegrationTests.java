package dev.bazaar.searchconsumer.index;

import static dev.bazaar.searchconsumer.TestEvents.changed;
import static dev.bazaar.searchconsumer.TestEvents.kurta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.search.ItemSearchIndex;
import dev.bazaar.searchconsumer.SearchIndex;
import dev.bazaar.searchconsumer.index.ItemIndexBootstrap.Outcome;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** Index/alias bootstrap, health and metrics of a running search-consumer. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.search-consumer.lag-refresh=PT0.5S")
@UsesLocalServers({LocalServer.KAFKA, LocalServer.ELASTICSEARCH})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexBootstrapAndOperationsIntegrationTests {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ItemIndexNames names;

    @Autowired
    ItemIndexBootstrap bootstrap;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    IsolatedNames isolatedNames;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    final List<String> extraIndices = new ArrayList<>();

    @AfterAll
    void dropIndices() throws IOException {
        new SearchIndex(client, names).drop();
        for (String index : extraIndices) {
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
            }
        }
    }

    /** Its API docs list what operators call: the actuator endpoints, without a token. */
    @Test
    void theApiDocsListTheActuatorEndpoints() {
        ApiDocument doc = ApiDocument.fetch(port);

        doc.assertPlatformConventions("search-consumer")
                .assertOperations("GET /actuator/health", "GET /actuator/prometheus");
        assertThat(doc.openApi().getComponents().getSecuritySchemes())
                .as("no JWT security here")
                .isNullOrEmpty();
        assertThat(doc.securityOf("GET /actuator/health")).isEmpty();
        doc.assertProblemResponse("GET /actuator/health", 500);
    }

    @Test
    void startUpCreatedTheIndexBehindTheAliasAndRunningItAgainChangesNothing() throws IOException {
        assertThat(aliasTargets(names)).containsExactly(names.currentIndex());

        assertThat(bootstrap.ensureIndex()).isEqualTo(Outcome.ALIAS_EXISTED);
        assertThat(bootstrap.ensureIndex()).isEqualTo(Outcome.ALIAS_EXISTED);

        assertThat(aliasTargets(names)).containsExactly(names.currentIndex());
        var mapping = client.indices()
                .getMapping(m -> m.index(names.currentIndex()))
                .get(names.currentIndex())
                .mappings();
        assertThat(mapping.properties()).containsKeys("attributes", "categoryPrefixes", "suggest", "listed");
    }

    @Test
    void twoInstancesStartingTogetherBothSucceedAndCreateOneIndex() throws Exception {
        ItemIndexNames fresh = new ItemIndexNames(names.prefix() + "race-");
        extraIndices.add(fresh.currentIndex());
        Callable<Outcome> start = () -> new ItemIndexBootstrap(client, fresh, Duration.ofSeconds(10)).ensureIndex();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> outcomes = pool.invokeAll(List.of(start, start));
            for (Future<Outcome> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS))
                        .isIn(Outcome.CREATED, Outcome.INDEX_EXISTED, Outcome.ALIAS_EXISTED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(aliasTargets(fresh)).containsExactly(fresh.currentIndex());
        assertThat(new ItemIndexBootstrap(client, fresh, Duration.ofSeconds(10)).ensureIndex())
                .isEqualTo(Outcome.ALIAS_EXISTED);
    }

    @Test
    void anAliasMovedToANewerIndexIsLeftAlone() throws Exception {
        ItemIndexNames moved = new ItemIndexNames(names.prefix() + "moved-");
        String v2 = moved.prefix() + "items_v2";
        extraIndices.add(moved.currentIndex());
        extraIndices.add(v2);
        var bootstrapMoved = new ItemIndexBootstrap(client, moved, Duration.ofSeconds(10));
        assertThat(bootstrapMoved.ensureIndex()).isEqualTo(Outcome.CREATED);

        // The documented reindex: new index, one atomic _aliases call, old index deleted.
        client.indices().create(c -> c.index(v2).withJson(new StringReader(ItemSearchIndex.definitionJson())));
        client.indices()
                .updateAliases(u -> u.actions(
                                a -> a.remove(r -> r.index(moved.currentIndex()).alias(moved.alias())))
                        .actions(a -> a.add(add -> add.index(v2).alias(moved.alias()))));
        client.indices().delete(d -> d.index(moved.currentIndex()));

        assertThat(bootstrapMoved.ensureIndex()).isEqualTo(Outcome.ALIAS_EXISTED);
        assertThat(aliasTargets(moved)).containsExactly(v2);
        assertThat(client.indices().exists(e -> e.index(moved.currentIndex())).value())
                .isFalse();
    }

    @Test
    void healthReportsTheElasticsearchCluster() throws Exception {
        HttpTestClient.Response health = HttpTestClient.local(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode elasticsearch = health.json().path("components").path("elasticsearch");
        assertThat(elasticsearch.path("status").asString()).isEqualTo("UP");
        assertThat(elasticsearch.path("details").path("status").asString()).isIn("green", "yellow");
    }

    @Test
    void prometheusShowsConsumerLagIndexingCountersAndBulkLatency() throws Exception {
        String catalogTopic = isolatedNames.topic(Topics.CATALOG_ITEMS);
        String lag = "bazaar_search_consumer_lag{topic=\"" + catalogTopic + "\"} ";
        publisher.publish(changed(kurta("supplier-m", "M-1", 1))).get(10, TimeUnit.SECONDS);
        String applied = "bazaar_search_consumer_events_total{outcome=\"applied\",source=\"catalog\"} ";
        awaitMetrics(
                body -> body.contains(applied + "1.0") && body.contains("bazaar_search_consumer_bulk_seconds_count"));

        // Indexing stopped (M-1 applied and committed): what is published now is behind, and the gauge counts it.
        MessageListenerContainer catalogListener = listeners.getListenerContainer("search-catalog-items");
        catalogListener.stop();
        try {
            for (int i = 2; i <= 4; i++) {
                publisher.publish(changed(kurta("supplier-m", "M-" + i, 1))).get(10, TimeUnit.SECONDS);
            }
            awaitMetrics(body -> body.contains(lag + "3.0"));
        } finally {
            catalogListener.start();
        }
        // Indexing again: the lag goes back to nothing behind.
        String metrics = awaitMetrics(body -> body.contains(lag + "0.0") && body.contains(applied + "4.0"));
        assertThat(metrics)
                .contains("bazaar_search_consumer_lag{topic=\"" + isolatedNames.topic(Topics.INVENTORY_STOCK) + "\"}");
        // The Kafka client's own lag metric, for the report: Boot binds consumer metrics when it can.
        System.out.println("kafka client records-lag-max exposed: "
                + metrics.lines().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max")));
    }

    private String awaitMetrics(Predicate<String> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> HttpTestClient.local(port)
                                .get("/actuator/prometheus")
                                .body(),
                        condition);
    }

    private Set<String> aliasTargets(ItemIndexNames indexNames) throws IOException {
        return client.indices()
                .getAlias(a -> a.name(indexNames.alias()))
                .aliases()
                .keySet();
    }
}
