package dev.bazaar.search.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.search.support.FaultyServer;
import dev.bazaar.search.support.ItemDoc;
import dev.bazaar.search.support.SearchApi;
import dev.bazaar.search.support.SearchIndexFixture;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Faults on the way to serviceability and Kafka: a peer that accepts and never answers, one that
 * answers 503, and a Kafka broker that does not exist. Each search still answers 200 within the
 * serviceability budget (50 ms, the production default) plus a margin, with delivery UNKNOWN.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers(LocalServer.ELASTICSEARCH)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceabilityFaultsIntegrationTests {

    static final long BUDGET_MS = 50;
    /** Elasticsearch's own time for the query on a busy 2-core machine, plus MockMvc. */
    static final long MARGIN_MS = 450;
    static FaultyServer faulty;

    @DynamicPropertySource
    static void faults(DynamicPropertyRegistry registry) throws IOException {
        faulty = new FaultyServer();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("bazaar.search.serviceability.url", faulty::url);
        registry.add("bazaar.search.serviceability.budget", () -> BUDGET_MS + "ms");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    SearchApi api;

    @BeforeAll
    void index() {
        api = new SearchApi(mvc);
        List<ItemDoc> docs = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> docs.add(ItemDoc.item(UUID.randomUUID().toString())
                .title("Teak wood bookshelf " + i).brand("Urban Ladder").category(List.of("Furniture"))
                .price(500_000 + i, 900_000).sizeClass("BULKY")));
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(elasticsearch, names.indexPrefix(), docs);
        api.search("q", "bookshelf"); // warm the search path, so the timing below is the fault's
    }

    @AfterAll
    void tearDown() throws IOException {
        SearchIndexFixture.drop(elasticsearch, names.indexPrefix());
        faulty.close();
    }

    @Test
    void aPeerThatNeverAnswersCostsTheBudgetAndNothingMore() {
        faulty.mode(FaultyServer.Mode.HANG);
        double timeoutsBefore = count("timeout");
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            var answer = api.search("q", "bookshelf", "pincode", "400001", "size", "10");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).isEqualTo(200);
            assertThat(millis).as("answer time with a hung serviceability").isLessThan(BUDGET_MS + MARGIN_MS);
            assertThat(answer.body().path("deliverability").stringValue()).isEqualTo("TIMEOUT");
            assertThat(answer.itemIds()).hasSize(10);
            answer.body().path("items").forEach(item ->
                    assertThat(item.path("delivery").path("status").stringValue()).isEqualTo("UNKNOWN"));
        }
        assertThat(count("timeout") - timeoutsBefore).isEqualTo(3);
    }

    @Test
    void aPeerAnswering503MeansUnknownDelivery() {
        faulty.mode(FaultyServer.Mode.ANSWER_503);
        double downBefore = count("down");
        var answer = api.search("q", "bookshelf", "pincode", "400001");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("deliverability").stringValue()).isIn("DOWN", "TIMEOUT");
        assertThat(answer.itemIds()).hasSize(12);
        answer.body().path("items").forEach(item ->
                assertThat(item.path("delivery").path("status").stringValue()).isEqualTo("UNKNOWN"));
        if ("DOWN".equals(answer.body().path("deliverability").stringValue())) {
            assertThat(count("down")).isGreaterThan(downBefore);
        }
    }

    @Test
    void kafkaDownNeitherFailsNorSlowsSearches() {
        double failedBefore = meters.counter("bazaar.search.events.failed").count();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(api.search("q", "bookshelf").status()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis / 5).as("mean search time while Kafka is unreachable").isLessThan(MARGIN_MS);
        // Each event fails after the producer's max.block.ms (2 s), one after the other on the event thread.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> meters.counter("bazaar.search.events.failed").count() > failedBefore);
    }

    private double count(String outcome) {
        return meters.counter("bazaar.search.serviceability", "outcome", outcome).count();
    }
}
