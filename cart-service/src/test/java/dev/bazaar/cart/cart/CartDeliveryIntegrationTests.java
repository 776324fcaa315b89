package dev.bazaar.cart.cart;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UserServiceShoppers;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Delivery ETAs on the cart against the real peers: item-service (prices), serviceability-service with
 * its demo network on item-service's topics (ETAs; it learns the items' size class from item-service's
 * CatalogItemChanged events, and their stock from the StockChanged events inventory-service will
 * publish, sent here) and user-service (the shopper's default address, asked with the internal token). The budget is raised to 2 s: a cold
 * C1-only JVM on a loaded 2-core machine can pass 250 ms on its first answers, and this test is about
 * what the cart shows; the budget's own rule is the starter's ServiceabilityClient's, tested in
 * search-service's ServiceabilityFaultsIntegrationTests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CartDeliveryIntegrationTests {

    static final String INTERNAL_TOKEN = "cart-test-internal-token";
    static ItemServiceFeed items;
    static ServiceabilityNetwork serviceability;
    static UserServiceShoppers users;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        items = ItemServiceFeed.start("cart-delivery-supplier");
        // On item-service's topics: it learns the items' size class from item-service's own events.
        serviceability = ServiceabilityNetwork.start(items.topicPrefix());
        users = UserServiceShoppers.start(INTERNAL_TOKEN);
        registry.add("bazaar.cart.item-service.url", items::baseUrl);
        registry.add("bazaar.cart.serviceability.url", serviceability::baseUrl);
        registry.add("bazaar.cart.serviceability.budget", () -> "2s");
        registry.add("bazaar.cart.users.url", users::baseUrl);
        registry.add("bazaar.cart.users.internal-token", () -> INTERNAL_TOKEN);
        registry.add("bazaar.cart.users.timeout", () -> "2s");
    }

    @AfterAll
    void stopPeers() {
        for (AutoCloseable peer : new AutoCloseable[] {items, serviceability, users}) {
            try {
                if (peer != null) {
                    peer.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @LocalServerPort
    int port;

    HttpTestClient api;
    /** SMALL, stocked in the Mumbai warehouse: it reaches Mumbai and (over SMALL-only lanes) the hills. */
    String lamp;
    /** BULKY, stocked in Mumbai too: the hill lanes refuse it. */
    String wardrobe;

    @BeforeAll
    void itemsKnownToBothPeers() {
        api = HttpTestClient.local(port);
        lamp = items.sendAndAwait(items.item("lamp-" + UUID.randomUUID())
                .price(1_499)
                .sizeClass(SizeClass.SMALL)
                .build());
        wardrobe = items.sendAndAwait(items.item("wardrobe-" + UUID.randomUUID())
                .price(24_999)
                .sizeClass(SizeClass.BULKY)
                .build());
        // Stock as inventory-service will publish it: five of each in the Mumbai warehouse.
        serviceability.stock(List.of(lamp, wardrobe), 5);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> serviceability.deliversAll(ServiceabilityNetwork.METRO, List.of(lamp, wardrobe)));
    }

    @Test
    @Order(1)
    void eachLineCarriesItsEtaForTheShoppersDefaultAddress() {
        String shopper = TestJwts.bearer(users.register(ServiceabilityNetwork.METRO));
        add(shopper, lamp);
        add(shopper, wardrobe);

        JsonNode cart = cart(shopper, "");
        assertThat(cart.path("deliveryPincode").asString()).isEqualTo(ServiceabilityNetwork.METRO);
        for (JsonNode line : cart.path("lines")) {
            JsonNode delivery = line.path("delivery");
            assertThat(delivery.path("status").asString()).isEqualTo("DELIVERABLE");
            assertThat(delivery.path("etaHours").asInt()).isPositive();
            assertThat(delivery.path("promiseDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        // The ETA is for the pincode; the prices are still item-service's.
        assertThat(cart.path("subtotal").path("minor").asLong()).isEqualTo(1_499 + 24_999);
    }

    @Test
    @Order(2)
    void aPincodeAskedForWinsAndEachLineIsJudgedByItsOwnSize() {
        String shopper = TestJwts.bearer(users.register(ServiceabilityNetwork.METRO));
        add(shopper, lamp);
        add(shopper, wardrobe);

        JsonNode hills = cart(shopper, "?pincode=" + ServiceabilityNetwork.HILLS);
        assertThat(hills.path("deliveryPincode").asString()).isEqualTo(ServiceabilityNetwork.HILLS);
        assertThat(delivery(hills, lamp)).isEqualTo("DELIVERABLE");
        assertThat(delivery(hills, wardrobe)).isEqualTo("UNDELIVERABLE");

        JsonNode remote = cart(shopper, "?pincode=" + ServiceabilityNetwork.REMOTE);
        assertThat(delivery(remote, lamp)).isEqualTo("UNDELIVERABLE");
        assertThat(delivery(remote, wardrobe)).isEqualTo("UNDELIVERABLE");
        // Not deliverable is not unbuyable: the lines stay in the cart and in the subtotal.
        assertThat(remote.path("subtotal").path("minor").asLong()).isEqualTo(1_499 + 24_999);

        assertProblem(api.get("/api/cart?pincode=012345", "Authorization", shopper), 400, "invalid-pincode");
    }

    @Test
    @Order(3)
    void withoutAnyPincodeTheEtaIsUnknownAndNothingFails() {
        String noAddress = TestJwts.bearer(users.register(null));
        add(noAddress, lamp);
        JsonNode cart = cart(noAddress, "");
        assertThat(cart.get("deliveryPincode").isNull()).isTrue();
        assertThat(delivery(cart, lamp)).isEqualTo("UNKNOWN");

        // A guest has no address; asking with a pincode gives the ETA.
        HttpTestClient.Response started = api.post("/api/cart/items", Map.of("itemId", lamp, "quantity", 1));
        assertThat(started.status()).isEqualTo(200);
        String token = started.header(GuestCarts.HEADER);
        JsonNode guest = api.get("/api/cart", GuestCarts.HEADER, token).json();
        assertThat(delivery(guest, lamp)).isEqualTo("UNKNOWN");
        JsonNode guestInMumbai = api.get("/api/cart?pincode=" + ServiceabilityNetwork.METRO, GuestCarts.HEADER, token)
                .json();
        assertThat(delivery(guestInMumbai, lamp)).isEqualTo("DELIVERABLE");
    }

    @Test
    @Order(4)
    void withServiceabilityStoppedTheCartIsStillServedWithEtasUnknown() {
        String shopper = TestJwts.bearer(users.register(ServiceabilityNetwork.METRO));
        add(shopper, lamp);
        add(shopper, wardrobe);
        serviceability.close();

        JsonNode cart = cart(shopper, "");
        assertThat(cart.path("deliveryPincode").asString()).isEqualTo(ServiceabilityNetwork.METRO);
        assertThat(delivery(cart, lamp)).isEqualTo("UNKNOWN");
        assertThat(delivery(cart, wardrobe)).isEqualTo("UNKNOWN");
        assertThat(cart.path("lines").get(0).path("delivery").has("etaHours")).isFalse();
        assertThat(cart.path("subtotal").path("minor").asLong()).isEqualTo(1_499 + 24_999);
    }

    // --- helpers

    private void add(String shopper, String itemId) {
        HttpTestClient.Response added =
                api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", 1), "Authorization", shopper);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    private JsonNode cart(String shopper, String query) {
        HttpTestClient.Response cart = api.get("/api/cart" + query, "Authorization", shopper);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return cart.json();
    }

    private static String delivery(JsonNode cart, String itemId) {
        for (JsonNode line : cart.path("lines")) {
            if (itemId.equals(line.path("itemId").asString())) {
                return line.path("delivery").path("status").asString();
            }
        }
        throw new AssertionError("no line for " + itemId + " in " + cart);
    }
}
