package dev.bazaar.recommendation;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.BestsellersComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed.Scored;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.SimilarItemsComputed;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaEvents;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service in one Spring context on the real servers: records published to the class's isolated
 * topics as analytics-spark publishes them (JSON, CloudEvents headers), stored in the class's own Cassandra
 * keyspace, served through the API with items filtered and described by a real item-service process (fed through
 * its real input). Each test uses its own users, items, categories and report names, so the tests share the
 * context without reading each other's data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bazaar.recommendations.keyspace=${spring.cassandra.keyspace-name}"})
@UsesLocalServers({LocalServer.CASSANDRA, LocalServer.KAFKA})
class RecommendationServiceIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String NEWER_RUN = "als-20261207T020000Z";
    static final String OLDER_RUN = "als-20261206T020000Z";

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier("recommendation-test-supplier");

    static KafkaEvents analytics;

    @BeforeAll
    static void producer() {
        analytics = KafkaEvents.open("analytics-spark");
    }

    @AfterAll
    static void closeProducer() {
        if (analytics != null) {
            analytics.close();
        }
    }

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.recommendations.item-service.url", items::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    /**
     * A training run's lists for one shopper: the home page is the overall list plus one per category, each best
     * first with the item's title and price from item-service; {@code ?category=} in any case gives that
     * category's; a category the shopper has no list in gives its bestsellers (not personalized).
     */
    @Test
    void aSignedInShopperGetsTheirOwnHomePageMixAndEachCategory() {
        String user = "user-" + UUID.randomUUID();
        String a = items.newItem(1_000);
        String b = items.newItem(2_000);
        String c = items.newItem(3_000);
        String d = items.newItem(4_000);
        String books = "Books " + suffix();
        publish(forUser(user, null, NEWER_RUN, a, b));
        publish(forUser(user, "Electronics", NEWER_RUN, c, a));
        publish(forUser(user, "Home & Kitchen", NEWER_RUN, b));
        publish(new BestsellersComputed(UUID.randomUUID(), Instant.now(), books, NEWER_RUN, scored(d)));

        JsonNode home = awaitJson(
                "/api/recommendations", user, json -> json.path("categories").size() == 2);
        assertThat(home.path("userId").asString()).isEqualTo(user);
        assertThat(home.path("personalized").asBoolean()).isTrue();
        assertThat(home.path("modelVersion").asString()).isEqualTo(NEWER_RUN);
        assertThat(ids(home.path("items"))).containsExactly(a, b);
        JsonNode first = home.path("items").get(0);
        assertThat(first.path("title").asString()).isEqualTo(items.last(a).title());
        assertThat(first.path("price").path("minor").asLong()).isEqualTo(1_000);
        assertThat(first.path("score").asDouble()).isEqualTo(2.0);
        assertThat(home.path("categories").get(0).path("category").asString()).isEqualTo("Electronics");
        assertThat(ids(home.path("categories").get(0).path("items"))).containsExactly(c, a);
        assertThat(home.path("categories").get(1).path("category").asString()).isEqualTo("Home & Kitchen");
        assertThat(ids(home.path("categories").get(1).path("items"))).containsExactly(b);
        assertThat(home.path("trending")).isEmpty();

        JsonNode electronics = json(api.get("/api/recommendations?category=eLeCtRoNiCs", auth(user)));
        assertThat(electronics.path("personalized").asBoolean()).isTrue();
        assertThat(electronics.path("category").asString()).isEqualTo("Electronics");
        assertThat(ids(electronics.path("items"))).containsExactly(c, a);
        JsonNode kitchen = json(api.get("/api/recommendations?category=home%20%26%20kitchen", auth(user)));
        assertThat(ids(kitchen.path("items"))).containsExactly(b);

        JsonNode booksPage = awaitJson(
                "/api/recommendations?category=" + books.toUpperCase().replace(" ", "%20"),
                user,
                json -> json.path("items").size() == 1);
        assertThat(booksPage.path("personalized").asBoolean()).isFalse();
        assertThat(booksPage.path("category").asString()).isEqualTo(books);
        assertThat(ids(booksPage.path("items"))).containsExactly(d);
    }

    /**
     * Order-proof: lists of an older training run consumed after a newer one's change nothing (the newer run's
     * time is their write timestamp), and the newer run's records consumed again (a replay) change nothing
     * either; both counted. The record after them on the same key (the same partition, consumed in order) is the
     * sign they were consumed.
     */
    @Test
    void anOlderTrainingRunOrAReplayConsumedLaterChangesNothing() {
        String user = "user-" + UUID.randomUUID();
        String newer = items.newItem(1_000);
        String older = items.newItem(2_000);
        String similarTo = items.newItem(3_000);
        RecommendationsComputed newerList = forUser(user, null, NEWER_RUN, newer);
        SimilarItemsComputed newerSimilar =
                new SimilarItemsComputed(UUID.randomUUID(), Instant.now(), similarTo, NEWER_RUN, scored(newer));
        publish(newerList);
        publish(newerSimilar);
        awaitJson("/api/recommendations", user, json -> ids(json.path("items")).equals(List.of(newer)));
        awaitJson(
                "/api/items/" + similarTo + "/similar",
                null,
                json -> json.path("items").size() == 1);
        double stale = count("RecommendationsComputed", "stale") + count("SimilarItemsComputed", "stale");
        double replayed = count("RecommendationsComputed", "replayed");

        publish(forUser(user, null, OLDER_RUN, older));
        publish(new SimilarItemsComputed(UUID.randomUUID(), Instant.now(), similarTo, OLDER_RUN, scored(older)));
        publish(newerList);
        publish(newerSimilar);
        publish(forUser(user, "Marker", NEWER_RUN, newer));
        JsonNode home = awaitJson(
                "/api/recommendations", user, json -> json.path("categories").size() == 1);
        assertThat(home.path("modelVersion").asString()).isEqualTo(NEWER_RUN);
        assertThat(ids(home.path("items"))).containsExactly(newer);
        // The similar items' key is not the user's: their older run is known consumed once it is counted.
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> count("RecommendationsComputed", "stale") + count("SimilarItemsComputed", "stale")
                        >= stale + 2);
        JsonNode similar = json(api.get("/api/items/" + similarTo + "/similar"));
        assertThat(similar.path("modelVersion").asString()).isEqualTo(NEWER_RUN);
        assertThat(ids(similar.path("items"))).containsExactly(newer);
        assertThat(count("RecommendationsComputed", "replayed")).isEqualTo(replayed + 1);
    }

    /**
     * Items bought together, best first, without those item-service no longer sells (deactivated after the run);
     * an item with none computed gets an empty list; a malformed id is a 400.
     */
    @Test
    void similarItemsLeaveOutItemsNoLongerActive() {
        String item = items.newItem(5_000);
        String a = items.newItem(1_000);
        String b = items.newItem(2_000);
        String c = items.newItem(3_000);
        publish(new SimilarItemsComputed(UUID.randomUUID(), Instant.now(), item, NEWER_RUN, scored(a, b, c)));
        JsonNode similar = awaitJson(
                "/api/items/" + item + "/similar",
                null,
                json -> json.path("items").size() == 3);
        assertThat(similar.path("itemId").asString()).isEqualTo(item);
        assertThat(similar.path("modelVersion").asString()).isEqualTo(NEWER_RUN);
        assertThat(ids(similar.path("items"))).containsExactly(a, b, c);

        items.deactivate(b);
        assertThat(ids(json(api.get("/api/items/" + item + "/similar")).path("items")))
                .containsExactly(a, c);

        JsonNode none = json(api.get("/api/items/" + UUID.randomUUID() + "/similar"));
        assertThat(none.path("items")).isEmpty();
        assertProblem(api.get("/api/items/not-an-item/similar"), 400, "invalid-item-id");
    }

    /**
     * A shopper with nothing computed, anonymous or signed in, gets the bestsellers overall and the latest
     * most-bought items beside them, not personalized; anonymous with a category gets its bestsellers.
     */
    @Test
    void anonymousAndUnknownShoppersGetBestsellersAndTrending() {
        String best1 = items.newItem(1_000);
        String best2 = items.newItem(2_000);
        String bought = items.newItem(3_000);
        String toys = "Toys " + suffix();
        String toy = items.newItem(4_000);
        publish(new BestsellersComputed(UUID.randomUUID(), Instant.now(), null, NEWER_RUN, scored(best1, best2)));
        publish(new BestsellersComputed(UUID.randomUUID(), Instant.now(), toys, NEWER_RUN, scored(toy)));
        publish(report("most-bought", Instant.now().truncatedTo(ChronoUnit.MINUTES), itemEntry(bought, 7)));

        JsonNode anonymous = awaitJson(
                "/api/recommendations",
                null,
                json -> json.path("items").size() == 2 && json.path("trending").size() == 1);
        assertThat(anonymous.path("personalized").asBoolean()).isFalse();
        assertThat(anonymous.path("userId").isNull()).isTrue();
        assertThat(anonymous.path("modelVersion").asString()).isEqualTo(NEWER_RUN);
        assertThat(ids(anonymous.path("items"))).containsExactly(best1, best2);
        assertThat(ids(anonymous.path("trending"))).containsExactly(bought);
        assertThat(anonymous.path("trending").get(0).path("score").asDouble()).isEqualTo(7.0);

        String unknown = "user-" + UUID.randomUUID();
        JsonNode cold = json(api.get("/api/recommendations", auth(unknown)));
        assertThat(cold.path("userId").asString()).isEqualTo(unknown);
        assertThat(cold.path("personalized").asBoolean()).isFalse();
        assertThat(ids(cold.path("items"))).containsExactly(best1, best2);
        assertThat(ids(cold.path("trending"))).containsExactly(bought);

        JsonNode toysPage = awaitJson(
                "/api/recommendations?category=" + toys.replace(" ", "%20"),
                null,
                json -> json.path("items").size() == 1);
        assertThat(toysPage.path("personalized").asBoolean()).isFalse();
        assertThat(ids(toysPage.path("items"))).containsExactly(toy);
    }

    /**
     * A report's latest window, item entries with title and price, search entries with their query. A snapshot
     * replayed (the same window again) or an earlier window consumed after a later one changes nothing; a report
     * with no window yet is empty.
     */
    @Test
    void trendingServesEachReportsLatestWindowWhateverIsReplayed() {
        String top = items.newItem(9_000);
        String second = items.newItem(8_000);
        Instant later = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant earlier = later.minus(Duration.ofMinutes(5));
        ReportPublished latest = report("top-revenue", later, itemEntry(top, 90_000), itemEntry(second, 16_000));
        publish(latest);
        JsonNode revenue = awaitJson(
                "/api/trending?report=top-revenue",
                null,
                json -> json.path("entries").size() == 2);
        assertThat(revenue.path("report").asString()).isEqualTo("top-revenue");
        assertThat(Instant.parse(revenue.path("windowEnd").asString())).isEqualTo(later);
        assertThat(Instant.parse(revenue.path("windowStart").asString())).isEqualTo(later.minus(Duration.ofHours(1)));
        assertThat(ids(revenue.path("entries"))).containsExactly(top, second);
        assertThat(revenue.path("entries").get(0).path("title").asString())
                .isEqualTo(items.last(top).title());
        assertThat(revenue.path("entries").get(0).path("price").path("minor").asLong())
                .isEqualTo(9_000);
        assertThat(revenue.path("entries").get(0).path("score").asDouble()).isEqualTo(90_000.0);

        double stale = count("ReportPublished", "stale");
        double replayed = count("ReportPublished", "replayed");
        publish(report("top-revenue", earlier, itemEntry(second, 1)));
        publish(latest);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> count("ReportPublished", "stale") == stale + 1
                        && count("ReportPublished", "replayed") == replayed + 1);
        JsonNode after = json(api.get("/api/trending?report=top-revenue"));
        assertThat(Instant.parse(after.path("windowEnd").asString())).isEqualTo(later);
        assertThat(ids(after.path("entries"))).containsExactly(top, second);

        publish(report(
                "searches",
                later,
                new ReportPublished.Entry(null, "wireless headphones", 12),
                new ReportPublished.Entry(null, "jeans", 5)));
        JsonNode searches = awaitJson(
                "/api/trending?report=searches",
                null,
                json -> json.path("entries").size() == 2);
        assertThat(searches.path("entries").get(0).path("query").asString()).isEqualTo("wireless headphones");
        assertThat(searches.path("entries").get(0).path("itemId").isNull()).isTrue();
        assertThat(searches.path("entries").get(1).path("query").asString()).isEqualTo("jeans");

        JsonNode none = json(api.get("/api/trending?report=most-ordered"));
        assertThat(none.path("report").asString()).isEqualTo("most-ordered");
        assertThat(none.path("entries")).isEmpty();
    }

    /**
     * Bad input, each a 4xx problem: another user's recommendations (OPS may read them), a malformed category, an
     * unknown or missing report, a bad token on a public read; a malformed record is parked on its topic's DLT.
     */
    @Test
    void badInputIsAClearProblem() {
        String user = "user-" + UUID.randomUUID();
        assertProblem(api.get("/api/recommendations?userId=someone-else", auth(user)), 403, "not-your-recommendations");
        assertProblem(api.get("/api/recommendations?userId=" + user), 403, "not-your-recommendations");
        assertThat(api.get("/api/recommendations?userId=" + user, auth(user)).status())
                .isEqualTo(200);
        HttpTestClient.Response ops =
                api.get("/api/recommendations?userId=" + user, "Authorization", TestJwts.bearer("ops-1", "OPS"));
        assertThat(ops.status()).as(ops.body()).isEqualTo(200);
        assertThat(ops.json().path("userId").asString()).isEqualTo(user);

        for (String category : List.of("%20%20", "", "x".repeat(81), "%3Cscript%3E", "a%2Fb", "*")) {
            assertProblem(api.get("/api/recommendations?category=" + category), 400, "invalid-category");
        }
        HttpTestClient.Response unknown = api.get("/api/trending?report=most-viewed");
        assertProblem(unknown, 400, "unknown-report");
        assertThat(unknown.json().path("reports").toString())
                .contains("most-bought", "most-ordered", "most-wishlisted", "top-revenue", "searches");
        assertProblem(api.get("/api/trending"), 400, "unknown-report");
        String expired = TestJwts.token(user, Instant.now().minusSeconds(300));
        assertProblem(api.get("/api/recommendations", "Authorization", "Bearer " + expired), 401, null);

        String badUser = "malformed-" + UUID.randomUUID();
        publish(forUser(badUser, null, "v1", items.newItem(1_000)));
        KafkaRecords.firstWithKey(
                LocalServer.KAFKA.address(), Topics.deadLetterOf(names.topic(Topics.RECOMMENDATIONS)), badUser, WAIT);
        String badReport = "no-window-" + suffix();
        publish(new ReportPublished(UUID.randomUUID(), Instant.now(), badReport, null, null, List.of()));
        var parked = KafkaRecords.firstWithKey(
                LocalServer.KAFKA.address(),
                Topics.deadLetterOf(names.topic(Topics.ANALYTICS_REPORTS)),
                badReport,
                WAIT);
        assertThat(new String(parked.value(), StandardCharsets.UTF_8)).contains(badReport);
        assertThat(json(api.get("/api/recommendations", auth(badUser)))
                        .path("personalized")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theApiDocumentListsThePublicReads() {
        ApiDocument doc = ApiDocument.fetch(port)
                .assertPlatformConventions("recommendation-service")
                .assertBearerScheme()
                .assertOperations("GET /api/recommendations", "GET /api/items/{itemId}/similar", "GET /api/trending")
                .assertProblemResponse("GET /api/recommendations", 400)
                .assertProblemResponse("GET /api/recommendations", 403)
                .assertProblemResponse("GET /api/recommendations", 503)
                .assertProblemResponse("GET /api/items/{itemId}/similar", 400)
                .assertProblemResponse("GET /api/trending", 400);
        assertThat(doc.securityOf("GET /api/recommendations")).isEmpty();
        assertThat(doc.securityOf("GET /api/trending")).isEmpty();
        assertThat(doc.securityOf("GET /api/items/{itemId}/similar")).isEmpty();
    }

    private void publish(IntegrationEvent event) {
        analytics.publish(names.topicPrefix(), event);
    }

    private JsonNode awaitJson(String path, String user, Predicate<JsonNode> until) {
        List<JsonNode> last = new ArrayList<>(1);
        Awaitility.await(path).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpTestClient.Response response = user == null ? api.get(path) : api.get(path, auth(user));
            if (response.status() != 200) {
                return false;
            }
            last.clear();
            last.add(response.json());
            return until.test(response.json());
        });
        return last.get(0);
    }

    private static JsonNode json(HttpTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private double count(String type, String outcome) {
        Counter counter = meters.find("bazaar.recommendations.records")
                .tag("type", type)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String[] auth(String user) {
        return new String[] {"Authorization", TestJwts.bearer(user, "CUSTOMER")};
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("itemId").asString()));
        return ids;
    }

    /** The items best first, scored n, n-1, ... 1. */
    private static List<Scored> scored(String... itemIds) {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < itemIds.length; i++) {
            scored.add(new Scored(itemIds[i], itemIds.length - i));
        }
        return scored;
    }

    private static RecommendationsComputed forUser(String user, String category, String run, String... itemIds) {
        return new RecommendationsComputed(UUID.randomUUID(), Instant.now(), user, category, run, scored(itemIds));
    }

    private static ReportPublished report(String name, Instant windowEnd, ReportPublished.Entry... entries) {
        Duration length = name.equals("top-revenue") || name.equals("most-ordered")
                ? Duration.ofHours(1)
                : Duration.ofMinutes(30);
        return new ReportPublished(
                UUID.nameUUIDFromBytes((name + "|" + windowEnd).getBytes(StandardCharsets.UTF_8)),
                Instant.now(),
                name,
                windowEnd.minus(length),
                windowEnd,
                List.of(entries));
    }

    private static ReportPublished.Entry itemEntry(String itemId, double score) {
        return new ReportPublished.Entry(itemId, null, score);
    }

    private static String suffix() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
    }
}
