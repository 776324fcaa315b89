package dev.bazaar.wishlist.wishlist;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.AnswerLosingProxy;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The signed-in wishlist against the real servers, a real item-service process (fed items through
 * its real input, supplier.items.v1) and a real cart-service process (for move-to-cart; it trusts the
 * test's token key through a JWKS served here, as it trusts user-service's). A small cap (3 entries)
 * keeps the cap test short; it is read from configuration, so the rule tested is the same at 200.
 * cart-service runs with a one-line cart so its refusal can be provoked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bazaar.wishlist.max-entries=3"})
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class WishlistIntegrationTests {

    static final int MAX_ENTRIES = 3;
    static final String SUPPLIER = "wishlist-test-supplier";
    // cart-service's own names: it starts before this class's context, whose names are random per class.
    static final IsolatedNames cartServiceNames = IsolatedNames.forTestClass(CartClient.class);

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier(SUPPLIER);

    static ServiceProcess carts;
    /** Between this service and cart-service: it can lose cart-service's answer after the add was done. */
    static AnswerLosingProxy cartLink;

    static HttpServer jwks;

    @BeforeAll
    static void startCartService() throws Exception {
        byte[] keys = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        carts = ServiceProcess.start(
                "cart-service",
                List.of(
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + cartServiceNames.database() + "?createDatabaseIfNotExist=true",
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + cartServiceNames.topicPrefix(),
                        "--bazaar.cart.item-service.url=" + items.baseUrl(),
                        "--bazaar.cart.limits.max-lines=1",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                                + jwks.getAddress().getPort() + "/.well-known/jwks.json"));
        cartLink = AnswerLosingProxy.to(carts.baseUrl());
    }

    @AfterAll
    static void stopProcesses() {
        if (cartLink != null) {
            cartLink.close();
        }
        if (carts != null) {
            carts.close();
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("bazaar.wishlist.item-service.url", items::baseUrl);
        registry.add("bazaar.wishlist.cart-service-url", () -> cartLink.baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient api;
    HttpTestClient cart;

    @BeforeEach
    void clients() {
        api = HttpTestClient.local(port);
        cart = new HttpTestClient(carts.baseUrl());
    }

    @Test
    void addingTwiceKeepsOneEntryAndTheFirstPrice() {
        String user = bearer();
        String itemId = newItem(20_000);

        HttpTestClient.Response first = add(user, itemId);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("addedPrice").path("minor").asLong()).isEqualTo(20_000);

        items.changePrice(itemId, 25_000);
        HttpTestClient.Response again = add(user, itemId);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("addedPrice").path("minor").asLong()).isEqualTo(20_000);

        JsonNode wishlist = wishlist(user, "");
        assertThat(wishlist.path("total").asInt()).isEqualTo(1);
        JsonNode entry = entry(wishlist, itemId);
        assertThat(entry.path("addedPrice").path("minor").asLong()).isEqualTo(20_000);
        assertThat(entry.path("currentPrice").path("minor").asLong()).isEqualTo(25_000);
        assertThat(entry.path("priceDropped").asBoolean()).isFalse();
    }

    @Test
    void pagesAreNewestFirstWithinTheirLimits() {
        String user = bearer();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            String itemId = newItem(1_000 + i);
            assertThat(add(user, itemId).status()).isEqualTo(201);
            added.add(itemId);
        }
        JsonNode first = wishlist(user, "?page=0&size=2");
        JsonNode second = wishlist(user, "?page=1&size=2");
        assertThat(first.path("total").asInt()).isEqualTo(MAX_ENTRIES);
        assertThat(ids(first)).containsExactly(added.get(2), added.get(1));
        assertThat(ids(second)).containsExactly(added.get(0));
        assertThat(ids(wishlist(user, "?page=2&size=2"))).isEmpty();

        assertProblem(api.get("/api/wishlist?size=0", "Authorization", user), 400, "invalid-page");
        assertProblem(api.get("/api/wishlist?size=101", "Authorization", user), 400, "invalid-page");
        assertProblem(api.get("/api/wishlist?page=-1", "Authorization", user), 400, "invalid-page");
        assertProblem(api.get("/api/wishlist?page=x", "Authorization", user), 400, null);
    }

    @Test
    void aPriceDropIsFlaggedAndADeactivatedItemIsMarkedOnTheNextRead() {
        String user = bearer();
        String itemId = newItem(10_000);
        add(user, itemId);
        assertThat(entry(wishlist(user, ""), itemId).path("priceDropped").asBoolean())
                .isFalse();
        assertThat(entry(wishlist(user, ""), itemId).path("availability").asString())
                .isEqualTo("ACTIVE");

        items.changePrice(itemId, 8_500);
        JsonNode dropped = entry(wishlist(user, ""), itemId);
        assertThat(dropped.path("priceDropped").asBoolean()).isTrue();
        assertThat(dropped.path("addedPrice").path("minor").asLong()).isEqualTo(10_000);
        assertThat(dropped.path("currentPrice").path("minor").asLong()).isEqualTo(8_500);

        items.deactivate(itemId);
        assertThat(entry(wishlist(user, ""), itemId).path("availability").asString())
                .isEqualTo("INACTIVE");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String user = bearer();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            assertThat(add(user, newItem(500 + i)).status()).isEqualTo(201);
        }
        JsonNode before = wishlist(user, "");

        HttpTestClient.Response overCap = add(user, newItem(777));
        assertProblem(overCap, 400, "wishlist-limit");
        assertThat(overCap.json().path("limit").asInt()).isEqualTo(MAX_ENTRIES);
        assertProblem(api.post("/api/wishlist/items", Map.of("itemId", "ABC"), "Authorization", user), 400, null);
        assertProblem(api.post("/api/wishlist/items", Map.of(), "Authorization", user), 400, null);
        assertProblem(
                api.send(
                        "POST",
                        "/api/wishlist/items",
                        "application/json",
                        BodyPublishers.ofString("not json {"),
                        "Authorization",
                        user),
                400,
                null);
        assertProblem(api.delete("/api/wishlist/items/ABC", "Authorization", user), 400, "invalid-item-id");
        String unknown = ItemIds.of(SUPPLIER, "never-sent-" + UUID.randomUUID());
        assertProblem(add(bearer(), unknown), 404, "not-found");

        assertThat(wishlist(user, "")).isEqualTo(before);
        assertThat(api.get("/api/wishlist").status()).isEqualTo(401);
    }

    @Test
    void everyChangeIsExactlyOneEventAfterItsCommit() {
        String userId = UUID.randomUUID().toString();
        String user = TestJwts.bearer(userId);
        String itemId = newItem(50_000);
        assertThat(add(user, itemId).status()).isEqualTo(201);
        assertThat(add(user, itemId).status()).isEqualTo(200); // already there: no event
        assertThat(remove(user, itemId).status()).isEqualTo(204);
        assertThat(remove(user, itemId).status()).isEqualTo(204); // already gone: no event
        assertThat(add(user, itemId).status()).isEqualTo(201);

        // Once the outbox is empty every event is on the topic, so the exact list can be asserted.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        List<JsonNode> events = KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.WISHLIST_EVENTS), Duration.ofSeconds(60))
                .stream()
                .filter(record -> userId.equals(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                .toList();
        assertThat(events).extracting(e -> e.path("action").asString()).containsExactly("ADDED", "REMOVED", "ADDED");
        assertThat(events).extracting(e -> e.path("itemId").asString()).containsOnly(itemId);
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void anotherShopperCannotSeeOrMoveTheEntries() {
        String alice = bearer();
        String bob = bearer();
        String itemId = newItem(999);
        add(alice, itemId);

        assertThat(wishlist(bob, "").path("entries").size()).isZero();
        assertProblem(moveToCart(bob, itemId), 404, "not-found");
        assertThat(remove(bob, itemId).status()).isEqualTo(204);
        assertThat(ids(wishlist(alice, ""))).containsExactly(itemId);
    }

    /**
     * Against the real cart-service (one line per cart): the move adds one and removes the entry; a
     * retry finds no entry and adds nothing; cart-service's refusal is passed on and the entry stays;
     * an answer lost after cart-service added keeps the entry, and the retry adds nothing more; a
     * cart-service that is down keeps it too (stopped last, so the other tests keep it).
     */
    @Test
    void moveToCartAddsOnceAndKeepsTheEntryWhenTheCartRefusesOrIsDown() {
        String user = bearer();
        String moved = newItem(4_000);
        String refused = newItem(5_000);
        add(user, moved);
        add(user, refused);

        assertThat(moveToCart(user, moved).status()).isEqualTo(204);
        assertThat(ids(wishlist(user, ""))).containsExactly(refused);
        assertProblem(moveToCart(user, moved), 404, "not-found");
        JsonNode lines = cartOf(user).path("lines");
        assertThat(lines.size()).isEqualTo(1);
        assertThat(lines.get(0).path("itemId").asString()).isEqualTo(moved);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(1);

        HttpTestClient.Response full = moveToCart(user, refused);
        assertProblem(full, 400, "cart-line-limit");
        assertThat(full.json().path("limit").asInt()).isEqualTo(1);
        assertThat(ids(wishlist(user, ""))).containsExactly(refused);

        // cart-service took the item but its answer was lost: 503 and the entry stays; the retry sends the
        // same Idempotency-Key, so cart-service answers it without adding a second one.
        String shopper = bearer();
        String lost = newItem(6_000);
        add(shopper, lost);
        cartLink.loseNextAnswers(1);
        assertProblem(moveToCart(shopper, lost), 503, "cart-unavailable");
        assertThat(ids(wishlist(shopper, ""))).containsExactly(lost);
        assertThat(cartOf(shopper).path("lines").get(0).path("quantity").asInt())
                .isEqualTo(1);
        assertThat(moveToCart(shopper, lost).status()).isEqualTo(204);
        assertThat(ids(wishlist(shopper, ""))).isEmpty();
        assertThat(cartOf(shopper).path("lines").get(0).path("quantity").asInt())
                .isEqualTo(1);

        carts.close();
        assertProblem(moveToCart(user, refused), 503, "cart-unavailable");
        assertThat(ids(wishlist(user, ""))).containsExactly(refused);
    }

    // --- helpers

    /** A new item in item-service, fed through its real input and waited for. */
    private String newItem(long priceMinor) {
        return items.newItem(priceMinor);
    }

    private static String bearer() {
        return TestJwts.bearer(UUID.randomUUID().toString());
    }

    private HttpTestClient.Response add(String user, String itemId) {
        return api.post("/api/wishlist/items", Map.of("itemId", itemId), "Authorization", user);
    }

    private HttpTestClient.Response remove(String user, String itemId) {
        return api.delete("/api/wishlist/items/" + itemId, "Authorization", user);
    }

    private HttpTestClient.Response moveToCart(String user, String itemId) {
        return api.send(
                "POST",
                "/api/wishlist/items/" + itemId + "/move-to-cart",
                "application/json",
                BodyPublishers.noBody(),
                "Authorization",
                user);
    }

    private JsonNode wishlist(String user, String query) {
        HttpTestClient.Response wishlist = api.get("/api/wishlist" + query, "Authorization", user);
        assertThat(wishlist.status()).as(wishlist.body()).isEqualTo(200);
        return wishlist.json();
    }

    private JsonNode cartOf(String user) {
        HttpTestClient.Response answer = cart.get("/api/cart", "Authorization", user);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode wishlist) {
        List<String> ids = new ArrayList<>();
        wishlist.path("entries").forEach(entry -> ids.add(entry.path("itemId").asString()));
        return ids;
    }

    private static JsonNode entry(JsonNode wishlist, String itemId) {
        for (JsonNode entry : wishlist.path("entries")) {
            if (itemId.equals(entry.path("itemId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no entry for " + itemId + " in " + wishlist);
    }
}
