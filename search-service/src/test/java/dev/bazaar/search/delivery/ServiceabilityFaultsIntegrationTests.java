package dev.bazaar.search.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * answers 503, and a Kafka broker that does not exist. Each search still answers 200 with delivery
 * UNKNOWN: TIMEOUT once the serviceability budget is spent, DOWN for a 503, and without waiting
 * for Kafka. The budget here is 1 s (production: 50 ms), so that a 503 always arrives within it
 * and is told apart from a timeout, however busy the machine.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers(LocalServer.ELASTICSEARCH)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceabilityFaultsIntegrationTests {

    static final long BUDGET_MS = 1_000;
    /** Not a performance limit: only how long a search may take before the test calls it hung. */
    static final Duration HUNG = Duration.ofSeconds(20);

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
        IntStream.range(0, 12)
                .forEach(i -> docs.add(ItemDoc.item(UUID.randomUUID().toString())
                        .title("Teak wood bookshelf " + i)
                        .brand("Urban Ladder")
                        .category(List.of("Furniture"))
                        .price(500_000 + i, 900_000)
                        .sizeClass("BULKY")));
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(elasticsearch, names.indexPrefix(), docs);
        api.search("q", "bookshelf"); // warm the search path
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
        double downBefore = count("down");
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            var answer = assertTimeoutPreemptively(
                    HUNG, () -> api.search("q", "bookshelf", "pincode", "400001", "size", "10"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).isEqualTo(200);
            assertThat(millis).as("the search waited for the budget").isGreaterThanOrEqualTo(BUDGET_MS);
            assertThat(answer.body().path("deliverability").stringValue()).isEqualTo("TIMEOUT");
            assertThat(answer.itemIds()).hasSize(10);
            answer.body()
                    .path("items")
                    .forEach(item -> assertThat(
                                    item.path("delivery").path("status").stringValue())
                            .isEqualTo("UNKNOWN"));
        }
        assertThat(count("timeout") - timeoutsBefore).isEqualTo(3);
        assertThat(count("down")).isEqualTo(downBefore);
    }

    @Test
    void aPeerAnswering503MeansDownAndUnknownDelivery() {
        faulty.mode(FaultyServer.Mode.ANSWER_503);
        double downBefore = count("down");
        double timeoutsBefore = count("timeout");
        var answer = api.search("q", "bookshelf", "pincode", "400001");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("deliverability").stringValue()).isEqualTo("DOWN");
        assertThat(answer.itemIds()).hasSize(12);
        answer.body()
                .path("items")
                .forEach(item -> assertThat(item.path("delivery").path("status").stringValue())
                        .isEqualTo("UNKNOWN"));
        assertThat(count("down") - downBefore).isEqualTo(1);
        assertThat(count("timeout")).isEqualTo(timeoutsBefore);
    }

    @Test
    void kafkaDownNeitherFailsNorSlowsSearches() {
        // Every event fails after the producer's max.block.ms (2 s), one after the other on the event
        // thread. Had a search waited for its event, each would have failed before the search answered.
        double failedBefore = meters.counter("bazaar.search.events.failed").count();
        for (int i = 0; i < 5; i++) {
            assertThat(api.search("q", "bookshelf").status()).isEqualTo(200);
        }
        assertThat(meters.counter("bazaar.search.events.failed").count() - failedBefore)
                .as("events failed while the 5 searches ran (each search waiting for its own would make 5)")
                .isLessThan(5);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> meters.counter("bazaar.search.events.failed").count() > failedBefore);
    }

    private double count(String outcome) {
        return meters.counter("bazaar.search.serviceability", "outcome", outcome)
                .count();
    }
}
