package dev.bazaar.e2e;

import static dev.bazaar.e2e.CheckoutPlatform.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UserServiceShoppers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checkout through the gateway's jar in front of the real item-, serviceability-, user-, cart-,
 * inventory-, payment- and order-service jars, nothing standing in for any of them (the PSP is
 * payment-service's simulator, the stand-in for an outside party): the seed's race for the last TV, and
 * the same race at scale, each ending with the winners paying on the PSP's hosted page and their orders
 * PLACED from payment-service's events. Stock is received through inventory-service's OPS API, and
 * serviceability learns where it is from inventory-service's own events.
 */
class CheckoutJourneyIntegrationTests {

    static final Duration SETTLED_WITHIN = Duration.ofSeconds(120);

    static CheckoutPlatform platform;
    static ServiceProcess cart;
    static ServiceProcess orders;
    static ServiceProcess gateway;
    static HttpTestClient shop;

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = CheckoutPlatform.start(
                CheckoutJourneyIntegrationTests.class,
                "e2e-checkout-supplier",
                List.of(),
                // The PSP simulator shares payment-service's C1-only JVM here: under the race at scale its
                // hosted sessions queue behind everything else on two cores.
                List.of("--bazaar.payments.psp.timeout=30s"));
        cart = ServiceProcess.start(
                "cart-service",
                List.of(
                        platform.jwks(),
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + platform.topicPrefix(),
                        "--spring.kafka.consumer.group-id=" + platform.names.base() + "-cart",
                        platform.database("carts"),
                        "--bazaar.cart.item-service.url=" + platform.items.baseUrl(),
                        "--bazaar.cart.serviceability.url=" + platform.serviceability.baseUrl(),
                        "--bazaar.cart.users.url=" + platform.users.baseUrl()));
        orders = ServiceProcess.start("order-service", platform.orderServiceArguments("orders", cart.baseUrl()));
        gateway = platform.gateway("cart=" + cart.baseUrl(), "orders=" + orders.baseUrl());
        shop = new HttpTestClient(gateway.baseUrl()).withTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopThePlatform() {
        for (AutoCloseable service : new AutoCloseable[] {gateway, orders, cart, platform}) {
            CheckoutPlatform.closeQuietly(service);
        }
    }

    @Test
    void threeBuyersOfTheLastTvFromTheirCartsOneOrderIsPlacedAndTwoAreToldItIsOutOfStock() throws Exception {
        String tv = platform.stockedItem("tv", 54_990_00, 1);
        List<UserServiceShoppers.Shopper> buyers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UserServiceShoppers.Shopper buyer = platform.users.signUp(ServiceabilityNetwork.METRO);
            var added =
                    shop.post("/api/cart/items", Map.of("itemId", tv, "quantity", 1), "Authorization", buyer.bearer());
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            buyers.add(buyer);
        }

        // All three check out their carts at the same moment (no lines sent: the order is the cart).
        List<HttpTestClient.Response> answers = Together.run(buyers.stream()
                .map(buyer -> (Callable<HttpTestClient.Response>) () -> checkout(buyer, Map.of("paymentMethod", "UPI")))
                .toList());

        List<Integer> statuses =
                answers.stream().map(HttpTestClient.Response::status).toList();
        assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(201, 409, 409);
        int winner = statuses.indexOf(201);
        for (HttpTestClient.Response refused : answers) {
            if (refused.status() == 409) {
                assertThat(refused.json().path("type").asString())
                        .isEqualTo("https://bazaar.dev/problems/out-of-stock");
                assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                        .isEqualTo(tv);
            }
        }
        JsonNode order = answers.get(winner).json();
        assertThat(order.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(order.path("total").path("minor").asLong()).isEqualTo(54_990_00);
        assertThat(platform.levels(tv)).containsExactly(1L, 1L, 0L);

        // The winner pays on the PSP's hosted page; the capture reaches order-service as an event.
        assertThat(platform.payments.pay(
                        order.path("payment").path("redirectUrl").asString()))
                .isBetween(200, 399);
        String bearer = buyers.get(winner).bearer();
        String orderId = order.path("orderId").asString();
        awaitStatus(orderId, bearer, "PLACED");
        assertThat(platform.levels(tv)).containsExactly(0L, 0L, 1L);
        // The bought TV leaves the winner's cart; the others keep theirs (out of stock for them now).
        Awaitility.await("the winner's cart emptied")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> shop.get("/api/cart", "Authorization", bearer)
                        .json()
                        .path("lines")
                        .isEmpty());
        String loser = buyers.get((winner + 1) % 3).bearer();
        assertThat(shop.get("/api/cart", "Authorization", loser)
                        .json()
                        .path("lines")
                        .size())
                .isEqualTo(1);
        // Nobody else reads the order.
        assertThat(shop.get("/api/orders/" + orderId, "Authorization", loser).status())
                .isEqualTo(404);
    }

    @Test
    void twoThousandBuyersOfAThousandUnitsPlaceExactlyAThousandOrdersAndTheLedgerHolds() throws Exception {
        int units = 1_000;
        int buyers = 2_000;
        String phone = platform.stockedItem("phone", 12_999_00, units);
        List<UserServiceShoppers.Shopper> shoppers =
                inParallel(16, Collections.nCopies(buyers, () -> platform.users.signUp(ServiceabilityNetwork.METRO)));

        // Every buyer orders one at once (100 in flight at a time); each answer is 201 or 409, nothing else.
        long started = System.nanoTime();
        List<HttpTestClient.Response> answers = inParallel(
                100,
                shoppers.stream()
                        .map(shopper -> (Callable<HttpTestClient.Response>) () -> checkout(
                                shopper,
                                Map.of(
                                        "lines",
                                        List.of(Map.of("itemId", phone, "quantity", 1)),
                                        "paymentMethod",
                                        "CARD")))
                        .toList());

        System.out.printf("%d checkouts through the gateway in %.1f s%n", buyers, (System.nanoTime() - started) / 1e9);
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).status();
            assertThat(status).as(answers.get(i).body()).isIn(201, 409);
            if (status == 201) {
                taken.add(i);
            }
        }
        assertThat(taken).hasSize(units);
        assertThat(platform.levels(phone)).containsExactly((long) units, (long) units, 0L);

        // Every winner pays; each order is placed from its capture event, and the stock is sold, not held.
        inParallel(
                50,
                taken.stream()
                        .map(i -> (Callable<Integer>) () -> platform.payments.pay(answers.get(i)
                                .json()
                                .path("payment")
                                .path("redirectUrl")
                                .asString()))
                        .toList());
        // One wait for all of them (a wait per order would sleep its first poll interval a thousand times).
        Set<Integer> unplaced = new HashSet<>(taken);
        Awaitility.await("every paid order PLACED")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    unplaced.removeIf(i -> "PLACED"
                            .equals(shop.get(
                                            "/api/orders/"
                                                    + answers.get(i)
                                                            .json()
                                                            .path("orderId")
                                                            .asString(),
                                            "Authorization",
                                            shoppers.get(i).bearer())
                                    .json()
                                    .path("status")
                                    .asString()));
                    return unplaced.isEmpty();
                });
        assertThat(platform.levels(phone)).containsExactly(0L, 0L, (long) units);
        // The stored figures are the ones the ledger's rows recompute (received = on hand + sold).
        JsonNode check = platform.ledgerCheck(phone);
        assertThat(check).hasSize(1);
        assertThat(check.get(0).path("consistent").asBoolean())
                .as(check.toString())
                .isTrue();
    }

    private static HttpTestClient.Response checkout(UserServiceShoppers.Shopper shopper, Map<String, Object> body) {
        return shop.post(
                "/api/orders",
                body,
                "Authorization",
                shopper.bearer(),
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    private static void awaitStatus(String orderId, String bearer, String status) {
        Awaitility.await(orderId + " " + status)
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> status.equals(shop.get("/api/orders/" + orderId, "Authorization", bearer)
                        .json()
                        .path("status")
                        .asString()));
    }
}
