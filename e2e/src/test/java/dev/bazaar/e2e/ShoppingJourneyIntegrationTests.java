package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.UserServiceShoppers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A shopper's way from browsing to a full cart, through the gateway's jar in front of the real
 * user-service, item-service, serviceability-service, cart-service and wishlist-service jars, with
 * nothing standing in for any of them: a guest cart started anonymously (its token through the
 * gateway), a sign-up with an address, a wishlist entry moved to the cart (wishlist-service calling
 * cart-service as the shopper), the guest cart merged at login, and the cart priced by item-service
 * with delivery ETAs for the shopper's default address. Each service checks the real login's token
 * against user-service's JWKS itself, as the gateway does.
 */
class ShoppingJourneyIntegrationTests {

    static final String INTERNAL_TOKEN = "e2e-internal-" + UUID.randomUUID();
    static final IsolatedNames names = IsolatedNames.forTestClass(ShoppingJourneyIntegrationTests.class);

    static ItemServiceFeed items;
    static ServiceabilityNetwork serviceability;
    static UserServiceShoppers users;
    static ServiceProcess cart;
    static ServiceProcess wishlist;
    static ServiceProcess gateway;
    static HttpTestClient shop;

    static String lamp;
    static String wardrobe;

    @BeforeAll
    static void startThePlatform() throws Exception {
        LocalServer.MARIADB.requireReachable();
        LocalServer.KAFKA.requireReachable();
        items = ItemServiceFeed.start("e2e-shopping-supplier");
        // On item-service's topics: serviceability learns the items' size class from item-service itself.
        serviceability = ServiceabilityNetwork.start(items.topicPrefix());
        users = UserServiceShoppers.start(INTERNAL_TOKEN);
        String jwks =
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + users.baseUrl() + "/.well-known/jwks.json";
        String kafka = "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address();
        String topics = "--bazaar.kafka.topic-prefix=" + names.topicPrefix();
        cart = ServiceProcess.start(
                "cart-service",
                List.of(
                        jwks,
                        kafka,
                        topics,
                        database("carts"),
                        "--bazaar.cart.item-service.url=" + items.baseUrl(),
                        "--bazaar.cart.serviceability.url=" + serviceability.baseUrl(),
                        // A cold C1-only JVM on a busy 2-core machine: this journey is about what the cart shows.
                        "--bazaar.cart.serviceability.budget=2s",
                        "--bazaar.cart.users.url=" + users.baseUrl(),
                        "--bazaar.cart.users.internal-token=" + INTERNAL_TOKEN,
                        "--bazaar.cart.users.timeout=2s"));
        wishlist = ServiceProcess.start(
                "wishlist-service",
                List.of(
                        jwks,
                        kafka,
                        topics,
                        database("wishlists"),
                        "--bazaar.wishlist.item-service.url=" + items.baseUrl(),
                        "--bazaar.wishlist.cart-service-url=" + cart.baseUrl()));
        gateway = ServiceProcess.start(
                "gateway",
                List.of(
                        jwks,
                        "--bazaar.gateway.routes.users=" + users.baseUrl(),
                        "--bazaar.gateway.routes.cart=" + cart.baseUrl(),
                        "--bazaar.gateway.routes.wishlist=" + wishlist.baseUrl(),
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix()));
        shop = new HttpTestClient(gateway.baseUrl());

        lamp = items.sendAndAwait(items.item("lamp-" + UUID.randomUUID())
                .title("Brass table lamp")
                .price(1_499)
                .sizeClass(SizeClass.SMALL)
                .build());
        wardrobe = items.sendAndAwait(items.item("wardrobe-" + UUID.randomUUID())
                .title("Teak wardrobe")
                .price(24_999)
                .sizeClass(SizeClass.BULKY)
                .build());
        // Stock as inventory-service will publish it: five of each in the Mumbai warehouse.
        serviceability.stock(List.of(lamp, wardrobe), 5);
        Awaitility.await("serviceability knows both items")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> serviceability.deliversAll(ServiceabilityNetwork.METRO, List.of(lamp, wardrobe)));
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        for (AutoCloseable process : new AutoCloseable[] {gateway, wishlist, cart, users, serviceability, items}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aGuestCartAWishlistEntryAndASignUpEndInOnePricedCartWithDeliveryDates() {
        // Browsing anonymously: the first add starts a guest cart; its token comes back through the gateway.
        var started = shop.post("/api/cart/items", Map.of("itemId", lamp, "quantity", 2));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cartToken = started.header("X-Cart-Token");
        assertThat(cartToken).isNotBlank();
        JsonNode guestCart = shop.get("/api/cart?pincode=" + ServiceabilityNetwork.HILLS, "X-Cart-Token", cartToken)
                .json();
        assertThat(line(guestCart, lamp).path("quantity").asInt()).isEqualTo(2);
        assertThat(line(guestCart, lamp).path("delivery").path("status").asString())
                .isEqualTo("DELIVERABLE");

        // Signed up with a Mumbai address; the wardrobe goes to the wishlist first, then to the cart.
        UserServiceShoppers.Shopper shopper = users.signUp(ServiceabilityNetwork.METRO);
        String bearer = shopper.bearer();
        assertThat(shop.post("/api/wishlist/items", Map.of("itemId", wardrobe), "Authorization", bearer)
                        .status())
                .isEqualTo(201);
        JsonNode wished = shop.get("/api/wishlist", "Authorization", bearer).json();
        assertThat(wished.path("entries").get(0).path("itemId").asString()).isEqualTo(wardrobe);
        assertThat(wished.path("entries")
                        .get(0)
                        .path("currentPrice")
                        .path("minor")
                        .asLong())
                .isEqualTo(24_999);
        var moved = shop.post("/api/wishlist/items/" + wardrobe + "/move-to-cart", Map.of(), "Authorization", bearer);
        assertThat(moved.status()).as(moved.body()).isEqualTo(204);
        assertThat(shop.get("/api/wishlist", "Authorization", bearer)
                        .json()
                        .path("entries")
                        .size())
                .isZero();

        // At login the guest cart is merged into the shopper's, and the guest token is spent.
        var merged = shop.post("/api/cart/merge", Map.of("cartToken", cartToken), "Authorization", bearer);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("merged").get(0).asString()).isEqualTo(lamp);
        assertThat(shop.get("/api/cart", "X-Cart-Token", cartToken).status()).isEqualTo(401);

        JsonNode cart = shop.get("/api/cart", "Authorization", bearer).json();
        assertThat(cart.path("lineCount").asInt()).isEqualTo(2);
        assertThat(line(cart, lamp).path("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, wardrobe).path("quantity").asInt()).isEqualTo(1);
        assertThat(cart.path("subtotal").path("minor").asLong()).isEqualTo(2 * 1_499 + 24_999);
        // Delivery for the default address user-service holds, judged by serviceability per line.
        assertThat(cart.path("deliveryPincode").asString()).isEqualTo(ServiceabilityNetwork.METRO);
        for (String itemId : List.of(lamp, wardrobe)) {
            JsonNode delivery = line(cart, itemId).path("delivery");
            assertThat(delivery.path("status").asString()).isEqualTo("DELIVERABLE");
            assertThat(delivery.path("etaHours").asInt()).isPositive();
        }

        // Nobody else sees or changes it.
        String stranger = users.signUp(null).bearer();
        assertThat(shop.get("/api/cart", "Authorization", stranger)
                        .json()
                        .path("lines")
                        .size())
                .isZero();
        assertThat(shop.delete("/api/cart/items/" + lamp, "Authorization", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(line(shop.get("/api/cart", "Authorization", bearer).json(), lamp)
                        .path("quantity")
                        .asInt())
                .isEqualTo(2);
    }

    private static String database(String service) {
        return "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database() + "_"
                + service + "?createDatabaseIfNotExist=true";
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
