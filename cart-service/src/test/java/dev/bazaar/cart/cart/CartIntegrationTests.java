package dev.bazaar.cart.cart;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
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
 * The signed-in cart against the real servers and a real item-service process, fed items through its
 * real input (supplier.items.v1). Small limits (5 lines, 25 per line) keep the limit tests short;
 * the limits are read from configuration, so the rule tested is the same at 50 and 10.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bazaar.cart.limits.max-lines=5", "bazaar.cart.limits.max-quantity-per-line=25"})
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class CartIntegrationTests {

    static final int MAX_LINES = 5;
    static final int MAX_QUANTITY = 25;
    static final String SUPPLIER = "cart-test-supplier";

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier(SUPPLIER);

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.cart.item-service.url", items::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient api;

    @BeforeEach
    void clients() {
        api = HttpTestClient.local(port);
    }

    @Test
    void twentyParallelAddsOfOneItemAllCountAndTheLineStopsAtItsLimit() throws Exception {
        String itemId = newItem(49_900);
        String user = bearer();
        List<Integer> statuses = Together.run(20, () -> add(user, itemId, 1).status());
        assertThat(statuses).containsOnly(200);
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(20);

        List<JsonNode> capped = Together.run(5, () -> add(user, itemId, 2).json());
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(MAX_QUANTITY);
        assertThat(capped).anyMatch(answer -> answer.path("capped").asBoolean());
    }

    @Test
    void parallelNewItemsAtOneLineBelowTheLimitAddOnlyOne() throws Exception {
        String user = bearer();
        for (int i = 0; i < MAX_LINES - 1; i++) {
            assertThat(add(user, newItem(100 + i), 1).status()).isEqualTo(200);
        }
        List<String> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racing.add(newItem(3_000 + i));
        }
        var next = new AtomicInteger();
        List<HttpTestClient.Response> raced =
                Together.run(racing.size(), () -> add(user, racing.get(next.getAndIncrement()), 1));

        // Exactly one of the eight new lines fits; every other add is refused, naming the limit.
        assertThat(raced).filteredOn(r -> r.status() == 200).hasSize(1);
        List<HttpTestClient.Response> refused =
                raced.stream().filter(r -> r.status() != 200).toList();
        assertThat(refused).hasSize(racing.size() - 1);
        for (HttpTestClient.Response answer : refused) {
            assertProblem(answer, 400, "cart-line-limit");
            assertThat(answer.json().path("limit").asInt()).isEqualTo(MAX_LINES);
        }
        assertThat(cart(user).path("lines").size()).isEqualTo(MAX_LINES);
        // A line already in the cart still grows at the limit.
        String inCart = cart(user).path("lines").get(0).path("itemId").asString();
        assertThat(add(user, inCart, 1).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String user = bearer();
        String itemId = newItem(12_345);
        assertThat(add(user, itemId, 3).status()).isEqualTo(200);
        JsonNode before = cart(user);

        assertProblem(add(user, itemId, 0), 400, "quantity-limit");
        assertProblem(add(user, itemId, -1), 400, "quantity-limit");
        assertProblem(add(user, itemId, MAX_QUANTITY + 1), 400, "quantity-limit");
        assertThat(add(user, itemId, MAX_QUANTITY + 1).json().path("limit").asInt())
                .isEqualTo(MAX_QUANTITY);
        assertProblem(
                api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", "two"), "Authorization", user),
                400,
                null);
        assertProblem(
                api.send(
                        "POST",
                        "/api/cart/items",
                        "application/json",
                        BodyPublishers.ofString("not json {"),
                        "Authorization",
                        user),
                400,
                null);
        assertProblem(
                api.post("/api/cart/items", Map.of("itemId", "ABC", "quantity", 1), "Authorization", user), 400, null);
        String unknown = ItemIds.of(SUPPLIER, "never-sent-" + UUID.randomUUID());
        assertProblem(add(user, unknown, 1), 404, "not-found");
        assertProblem(patch(user, itemId, 0), 400, "quantity-limit");
        assertProblem(patch(user, itemId, MAX_QUANTITY + 1), 400, "quantity-limit");
        assertProblem(
                api.sendJson("PATCH", "/api/cart/items/" + itemId, Map.of("quantity", "x"), "Authorization", user),
                400,
                null);

        assertThat(cart(user)).isEqualTo(before);
        assertThat(line(before, itemId).path("quantity").asInt()).isEqualTo(3);
        assertThat(api.get("/api/cart").status()).isEqualTo(401);
    }

    @Test
    void everyChangeIsExactlyOneEventAfterItsCommit() {
        String userId = UUID.randomUUID().toString();
        String user = TestJwts.bearer(userId);
        String itemId = newItem(50_000);
        add(user, itemId, 0); // refused: no event
        assertThat(add(user, itemId, 2).status()).isEqualTo(200);
        assertThat(add(user, itemId, 1).status()).isEqualTo(200);
        assertThat(patch(user, itemId, 5).status()).isEqualTo(200);
        assertThat(api.delete("/api/cart/items/" + itemId, "Authorization", user)
                        .status())
                .isEqualTo(204);
        assertThat(add(user, itemId, 1).status()).isEqualTo(200);
        assertThat(api.delete("/api/cart", "Authorization", user).status()).isEqualTo(204);
        assertThat(api.delete("/api/cart", "Authorization", user).status()).isEqualTo(204); // empty: no change

        // Once the outbox is empty every event is on the topic, so the exact list can be asserted.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        List<JsonNode> events = KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.CART_EVENTS), Duration.ofSeconds(60))
                .stream()
                .filter(record -> userId.equals(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                .toList();
        assertThat(events)
                .extracting(e ->
                        e.path("action").asString() + ":" + e.path("quantity").asInt())
                .containsExactly("ADDED:2", "ADDED:3", "UPDATED:5", "REMOVED:0", "ADDED:1", "CLEARED:0");
        assertThat(events.get(0).path("itemId").asString()).isEqualTo(itemId);
        assertThat(events.get(0).path("unitPrice").path("minor").asLong()).isEqualTo(50_000);
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void aPriceChangeIsFlaggedAndADeactivatedItemIsMarkedOnTheNextRead() {
        String user = bearer();
        String itemId = newItem(10_000);
        String other = newItem(7_000);
        add(user, itemId, 2);
        add(user, other, 1);
        JsonNode first = cart(user);
        assertThat(line(first, itemId).path("priceChanged").asBoolean()).isFalse();
        assertThat(first.path("subtotal").path("minor").asLong()).isEqualTo(2 * 10_000 + 7_000);

        items.changePrice(itemId, 8_500);
        JsonNode repriced = cart(user);
        JsonNode line = line(repriced, itemId);
        assertThat(line.path("priceChanged").asBoolean()).isTrue();
        assertThat(line.path("addedPrice").path("minor").asLong()).isEqualTo(10_000);
        assertThat(line.path("unitPrice").path("minor").asLong()).isEqualTo(8_500);
        assertThat(line.path("lineTotal").path("minor").asLong()).isEqualTo(17_000);
        assertThat(repriced.path("subtotal").path("minor").asLong()).isEqualTo(17_000 + 7_000);

        items.deactivate(itemId);
        JsonNode deactivated = cart(user);
        assertThat(line(deactivated, itemId).path("availability").asString()).isEqualTo("INACTIVE");
        assertThat(deactivated.path("subtotal").path("minor").asLong()).isEqualTo(7_000);
        assertProblem(add(user, itemId, 1), 409, "item-inactive");
    }

    @Test
    void aRetriedAddWithItsIdempotencyKeyAddsOnceAndAnswersAsTheFirst() throws Exception {
        String user = bearer();
        String itemId = newItem(2_500);
        String key = UUID.randomUUID().toString();

        HttpTestClient.Response first = addWithKey(user, itemId, 2, key);
        HttpTestClient.Response retry = addWithKey(user, itemId, 2, key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(2);

        // Retries racing each other (a client's timeout fired while the first was still running).
        String raced = UUID.randomUUID().toString();
        List<JsonNode> answers =
                Together.run(6, () -> addWithKey(user, itemId, 1, raced).json());
        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.path("quantity").asInt()).isEqualTo(3));
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(3);

        // The same key for another add is a client bug: refused, nothing changed.
        assertProblem(addWithKey(user, itemId, 5, key), 422, "idempotency-key-reused");
        assertProblem(addWithKey(user, itemId, 1, "has space"), 400, "invalid-idempotency-key");
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(3);

        // Keys are the owner's: another shopper's add with the same key is their own.
        String other = bearer();
        assertThat(addWithKey(other, itemId, 2, key).status()).isEqualTo(200);
        assertThat(line(cart(other), itemId).path("quantity").asInt()).isEqualTo(2);
        // A refused add keeps no key: the client may correct the request and send it with the same key.
        String later = UUID.randomUUID().toString();
        assertProblem(addWithKey(user, itemId, MAX_QUANTITY + 1, later), 400, "quantity-limit");
        assertThat(addWithKey(user, itemId, 1, later).status()).isEqualTo(200);
        assertThat(line(cart(user), itemId).path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void anotherShopperCannotSeeOrChangeTheLines() {
        String alice = bearer();
        String bob = bearer();
        String itemId = newItem(999);
        add(alice, itemId, 4);

        assertThat(cart(bob).path("lines").size()).isZero();
        assertProblem(patch(bob, itemId, 1), 404, "not-found");
        assertProblem(api.delete("/api/cart/items/" + itemId, "Authorization", bob), 404, "not-found");
        assertThat(api.delete("/api/cart", "Authorization", bob).status()).isEqualTo(204);
        assertThat(line(cart(alice), itemId).path("quantity").asInt()).isEqualTo(4);
    }

    // --- helpers

    /** A new item in item-service, fed through its real input and waited for. */
    private String newItem(long priceMinor) {
        return items.newItem(priceMinor);
    }

    private static String bearer() {
        return TestJwts.bearer(UUID.randomUUID().toString());
    }

    private HttpTestClient.Response add(String user, String itemId, int quantity) {
        return api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", quantity), "Authorization", user);
    }

    private HttpTestClient.Response addWithKey(String user, String itemId, int quantity, String key) {
        return api.post(
                "/api/cart/items",
                Map.of("itemId", itemId, "quantity", quantity),
                "Authorization",
                user,
                "Idempotency-Key",
                key);
    }

    private HttpTestClient.Response patch(String user, String itemId, int quantity) {
        return api.sendJson("PATCH", "/api/cart/items/" + itemId, Map.of("quantity", quantity), "Authorization", user);
    }

    private JsonNode cart(String user) {
        HttpTestClient.Response cart = api.get("/api/cart", "Authorization", user);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return cart.json();
    }

    private static JsonNode line(JsonNode cart, String itemId) {
        for (JsonNode line : cart.path("lines")) {
            if (itemId.equals(line.path("itemId").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line for " + itemId + " in " + cart);
    }
}
