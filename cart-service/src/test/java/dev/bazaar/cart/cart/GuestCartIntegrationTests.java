package dev.bazaar.cart.cart;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * Guest carts and the merge at login, against the real servers and a real item-service process fed
 * through supplier.items.v1 (as {@link CartIntegrationTests}). Small limits (5 lines, 25 per line)
 * keep the merge's cap and drop cases short. The clean-up is called directly; its schedule is set far
 * out so it never runs on its own during a test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.cart.limits.max-lines=5",
            "bazaar.cart.limits.max-quantity-per-line=25",
            "bazaar.cart.guest.idle-timeout=30d",
            "bazaar.cart.guest.cleanup-interval=1000d",
            "bazaar.cart.guest.cleanup-batch=2"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class GuestCartIntegrationTests {

    static final String SUPPLIER = "guest-cart-test-supplier";
    static final String TOKEN_HEADER = "X-Cart-Token";

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

    @Autowired
    GuestCarts guests;

    HttpTestClient api;

    @BeforeEach
    void clients() {
        api = HttpTestClient.local(port);
    }

    @Test
    void theFirstAnonymousAddStartsAGuestCartWhoseTokenIsStoredOnlyHashed() {
        String itemId = newItem(4_500);
        HttpTestClient.Response first = api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", 2));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String token = first.header(TOKEN_HEADER);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        HttpTestClient.Response again = guestAdd(token, itemId, 3);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header(TOKEN_HEADER))
                .as("no new cart for a known token")
                .isNull();
        JsonNode cart = guestCart(token);
        assertThat(line(cart, itemId).path("quantity").asInt()).isEqualTo(5);
        assertThat(cart.path("subtotal").path("minor").asLong()).isEqualTo(5 * 4_500);

        // Only the SHA-256 of the token is in the database, never the token.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guest_cart WHERE token_hash = ?")
                        .param(sha256(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guest_cart WHERE token_hash = ? OR guest_id = ?")
                        .param(token)
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();

        // Another guest's token and a signed-in shopper see none of it.
        String other = api.post("/api/cart/items", Map.of("itemId", newItem(100), "quantity", 1))
                .header(TOKEN_HEADER);
        assertThat(guestCart(other).path("lines").size()).isEqualTo(1);
        assertThat(api.get("/api/cart", "Authorization", bearer())
                        .json()
                        .path("lines")
                        .size())
                .isZero();
    }

    @Test
    void aMalformedUnknownOrExpiredTokenIs401AndChangesNothing() {
        String itemId = newItem(2_000);
        String token = newGuestCart(itemId, 1);

        for (String bad : List.of("not-a-token", token + "x", randomToken())) {
            assertProblem(api.get("/api/cart", TOKEN_HEADER, bad), 401, "invalid-cart-token");
            assertProblem(guestAdd(bad, itemId, 1), 401, "invalid-cart-token");
        }
        assertProblem(api.get("/api/cart"), 401, "unauthorized");
        assertThat(line(guestCart(token), itemId).path("quantity").asInt()).isEqualTo(1);

        // Idle a minute short of the timeout: still good (and its use restarts the idle time).
        idleFor(token, Duration.ofDays(30).minusMinutes(1));
        assertThat(guestCart(token).path("lines").size()).isEqualTo(1);
        assertThat(lastUsedAgo(token)).isLessThan(Duration.ofDays(1));

        idleFor(token, Duration.ofDays(30).plusMinutes(1));
        assertProblem(api.get("/api/cart", TOKEN_HEADER, token), 401, "invalid-cart-token");
        assertProblem(guestAdd(token, itemId, 1), 401, "invalid-cart-token");
        assertProblem(api.delete("/api/cart", TOKEN_HEADER, token), 401, "invalid-cart-token");
        assertThat(jdbc.sql("SELECT quantity FROM cart_line WHERE user_id = ?")
                        .param(guestKey(token))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theMergeSumsCapsDropsRepricesAndDeletesTheGuestCartAndTwiceChangesNothing() {
        String shared = newItem(1_000);
        String alsoShared = newItem(2_000);
        String repriced = newItem(3_000);
        String noRoom = newItem(4_000);
        String userId = UUID.randomUUID().toString();
        String user = TestJwts.bearer(userId);
        add(user, shared, 20);
        add(user, alsoShared, 1);
        add(user, newItem(500), 1);
        add(user, newItem(600), 1);

        String token = newGuestCart(shared, 10);
        assertThat(guestAdd(token, alsoShared, 2).status()).isEqualTo(200);
        assertThat(guestAdd(token, repriced, 1).status()).isEqualTo(200);
        assertThat(guestAdd(token, noRoom, 1).status()).isEqualTo(200);
        String guestKey = guestKey(token);
        items.changePrice(repriced, 2_500);

        HttpTestClient.Response merge = merge(user, token);
        assertThat(merge.status()).as(merge.body()).isEqualTo(200);
        JsonNode result = merge.json();
        assertThat(texts(result.path("merged"))).containsExactly(shared, alsoShared, repriced);
        assertThat(result.path("capped")).hasSize(1);
        assertThat(result.path("capped").get(0).path("itemId").asString()).isEqualTo(shared);
        assertThat(result.path("capped").get(0).path("requested").asInt()).isEqualTo(30);
        assertThat(result.path("capped").get(0).path("quantity").asInt()).isEqualTo(25);
        assertThat(texts(result.path("dropped"))).containsExactly(noRoom);

        JsonNode cart = result.path("cart");
        assertThat(cart.path("lineCount").asInt()).isEqualTo(5);
        assertThat(line(cart, shared).path("quantity").asInt()).isEqualTo(25);
        assertThat(line(cart, alsoShared).path("quantity").asInt()).isEqualTo(3);
        JsonNode moved = line(cart, repriced);
        assertThat(moved.path("unitPrice").path("minor").asLong()).isEqualTo(2_500);
        assertThat(moved.path("addedPrice").path("minor").asLong()).isEqualTo(3_000);
        assertThat(moved.path("priceChanged").asBoolean()).isTrue();
        assertThat(cart.path("subtotal").path("minor").asLong()).isEqualTo(25 * 1_000 + 3 * 2_000 + 500 + 600 + 2_500);
        assertThat(cart(user)).isEqualTo(cart);

        // The guest cart is gone: its token is refused and none of its rows is left.
        assertProblem(api.get("/api/cart", TOKEN_HEADER, token), 401, "invalid-cart-token");
        assertThat(rowsOf(guestKey)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guest_cart WHERE token_hash = ?")
                        .param(sha256(token))
                        .query(Long.class)
                        .single())
                .isZero();

        // Asked again: the same cart, nothing merged.
        JsonNode twice = merge(user, token).json();
        assertThat(twice.path("merged")).isEmpty();
        assertThat(twice.path("capped")).isEmpty();
        assertThat(twice.path("dropped")).isEmpty();
        assertThat(twice.path("cart")).isEqualTo(cart);

        // Events: the user's ADDED per merged line, the guest's CLEARED, keyed so the two differ.
        String guestId = guestKey.substring("guest:".length());
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        var records = KafkaRecords.readToEnd(
                LocalServer.KAFKA.address(), names.topic(Topics.CART_EVENTS), Duration.ofSeconds(60));
        List<String> userEvents = records.stream()
                .filter(r -> userId.equals(r.key()))
                .map(r -> HttpTestClient.JSON.readTree(r.value()))
                .map(e -> e.path("action").asString() + ":" + e.path("quantity").asInt())
                .toList();
        // The outbox does not promise order across transactions: the four adds before, then the merge's three.
        assertThat(userEvents)
                .containsExactlyInAnyOrder(
                        "ADDED:20", "ADDED:1", "ADDED:1", "ADDED:1", "ADDED:25", "ADDED:3", "ADDED:1");
        List<JsonNode> guestEvents = records.stream()
                .filter(r -> ("guest:" + guestId).equals(r.key()))
                .map(r -> HttpTestClient.JSON.readTree(r.value()))
                .toList();
        assertThat(guestEvents)
                .extracting(e -> e.path("action").asString())
                .containsExactlyInAnyOrder("ADDED", "ADDED", "ADDED", "ADDED", "CLEARED");
        assertThat(guestEvents).allSatisfy(e -> {
            assertThat(e.path("guestId").asString()).isEqualTo(guestId);
            assertThat(e.path("userId").isNull() || e.path("userId").isMissingNode())
                    .isTrue();
        });
    }

    @Test
    void guestAddsRacingTheMergeEndEitherInTheUsersCartOrRefused() throws Exception {
        String first = newItem(1_000);
        String racing = newItem(2_000);
        // Several rounds: an add that read its token just before the merge committed is the case that
        // matters, and one round does not always produce it.
        for (int round = 0; round < 5; round++) {
            String user = bearer();
            String token = newGuestCart(first, 1);
            String guestKey = guestKey(token);

            List<Callable<HttpTestClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> guestAdd(token, racing, 1));
            }
            calls.add(() -> merge(user, token));
            List<HttpTestClient.Response> answers = Together.run(calls);

            assertThat(answers.get(8).status()).isEqualTo(200);
            List<HttpTestClient.Response> adds = answers.subList(0, 8);
            assertThat(adds).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 401));
            long accepted = adds.stream().filter(a -> a.status() == 200).count();
            JsonNode cart = cart(user);
            int inCart = accepted == 0 ? 0 : line(cart, racing).path("quantity").asInt();
            assertThat(inCart)
                    .as("every accepted guest add is in the merged cart")
                    .isEqualTo((int) accepted);
            assertThat(line(cart, first).path("quantity").asInt()).isEqualTo(1);
            assertThat(rowsOf(guestKey)).as("nothing left under the guest").isZero();
        }
    }

    @Test
    void theCleanUpDeletesIdleGuestCartsInBatchesAndKeepsLiveOnes() {
        String itemId = newItem(700);
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = newGuestCart(itemId, 1);
            idleFor(token, Duration.ofDays(31));
            idle.add(guestKey(token));
        }
        String live = newGuestCart(itemId, 2);
        idleFor(live, Duration.ofDays(29));

        assertThat(guests.removeExpired()).isGreaterThanOrEqualTo(5);

        for (String key : idle) {
            assertThat(rowsOf(key)).as(key).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guest_cart WHERE last_used_at < NOW(6) - INTERVAL 30 DAY")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(line(guestCart(live), itemId).path("quantity").asInt()).isEqualTo(2);
        assertThat(guests.removeExpired()).isZero();
    }

    // --- helpers

    private String newGuestCart(String itemId, int quantity) {
        HttpTestClient.Response added = api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", quantity));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.header(TOKEN_HEADER);
    }

    private HttpTestClient.Response guestAdd(String token, String itemId, int quantity) {
        return api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", quantity), TOKEN_HEADER, token);
    }

    private void add(String user, String itemId, int quantity) {
        HttpTestClient.Response added =
                api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", quantity), "Authorization", user);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    private HttpTestClient.Response merge(String user, String token) {
        return api.post("/api/cart/merge", Map.of("cartToken", token), "Authorization", user);
    }

    private JsonNode guestCart(String token) {
        HttpTestClient.Response cart = api.get("/api/cart", TOKEN_HEADER, token);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return cart.json();
    }

    private JsonNode cart(String user) {
        HttpTestClient.Response cart = api.get("/api/cart", "Authorization", user);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return cart.json();
    }

    /** The owner key of the token's guest cart, found the way the service does: by the token's hash. */
    private String guestKey(String token) {
        return "guest:"
                + jdbc.sql("SELECT guest_id FROM guest_cart WHERE token_hash = ?")
                        .param(sha256(token))
                        .query(String.class)
                        .single();
    }

    private void idleFor(String token, Duration idle) {
        jdbc.sql("UPDATE guest_cart SET last_used_at = NOW(6) - INTERVAL ? SECOND WHERE token_hash = ?")
                .param(idle.toSeconds())
                .param(sha256(token))
                .update();
    }

    private Duration lastUsedAgo(String token) {
        long seconds = jdbc.sql(
                        "SELECT TIMESTAMPDIFF(SECOND, last_used_at, NOW(6)) FROM guest_cart WHERE token_hash = ?")
                .param(sha256(token))
                .query(Long.class)
                .single();
        return Duration.ofSeconds(seconds);
    }

    /** Rows of any table left under this owner key (cart, cart_line, guest_cart). */
    private long rowsOf(String key) {
        String guestId = key.substring("guest:".length());
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM cart WHERE user_id = :key)
                             + (SELECT COUNT(*) FROM cart_line WHERE user_id = :key)
                             + (SELECT COUNT(*) FROM guest_cart WHERE guest_id = :guest)""")
                .param("key", key)
                .param("guest", guestId)
                .query(Long.class)
                .single();
    }

    private String newItem(long priceMinor) {
        return items.newItem(priceMinor);
    }

    private static String bearer() {
        return TestJwts.bearer(UUID.randomUUID().toString());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
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
