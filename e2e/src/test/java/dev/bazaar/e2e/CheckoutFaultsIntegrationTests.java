package dev.bazaar.e2e;

import static dev.bazaar.e2e.CheckoutPlatform.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.UserServiceShoppers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checkout when a service dies with SIGKILL (no shutdown hook, nothing finished gracefully), on the real
 * jars of every service an order is taken with. Each test starts its own order-service (on its own
 * database) with short timeouts; inventory-service sweeps expired reservations every second, so what an
 * order left behind is released within the reservation's ttl (payment timeout + grace).
 */
class CheckoutFaultsIntegrationTests {

    static final Duration SETTLED_WITHIN = Duration.ofSeconds(120);

    static CheckoutPlatform platform;
    ServiceProcess orders;

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = CheckoutPlatform.start(
                CheckoutFaultsIntegrationTests.class,
                "e2e-checkout-faults-supplier",
                List.of("--bazaar.inventory.reservations.sweep-interval=1s"),
                List.of());
    }

    @AfterAll
    static void stopThePlatform() {
        CheckoutPlatform.closeQuietly(platform);
    }

    @AfterEach
    void stopOrders() {
        CheckoutPlatform.closeQuietly(orders);
    }

    @Test
    void ordersWaitingForPaymentWhileOrderServiceIsDeadAreCancelledAfterItsRestartAndTheStockComesBack()
            throws Exception {
        Duration timeout = Duration.ofSeconds(4);
        Duration grace = Duration.ofSeconds(2);
        orders = ServiceProcess.start(
                "order-service",
                platform.orderServiceArguments(
                        "orders_killed",
                        "http://127.0.0.1:9", // no order here comes from a cart
                        "--bazaar.orders.payment-timeout=" + timeout.toMillis() + "ms",
                        "--bazaar.orders.grace=" + grace.toMillis() + "ms",
                        "--bazaar.orders.sweep-interval=500ms"));
        HttpTestClient orderService = new HttpTestClient(orders.baseUrl()).withTimeout(Duration.ofSeconds(60));
        String lamp = platform.stockedItem("lamp", 1_499_00, 10);
        List<UserServiceShoppers.Shopper> shoppers = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        Instant lastDue = Instant.EPOCH;
        for (int i = 0; i < 5; i++) {
            UserServiceShoppers.Shopper shopper = platform.users.signUp(ServiceabilityNetwork.METRO);
            HttpTestClient.Response taken = orderService.post(
                    "/api/orders",
                    Map.of("lines", List.of(Map.of("itemId", lamp, "quantity", 1)), "paymentMethod", "UPI"),
                    "Authorization",
                    shopper.bearer(),
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            assertThat(taken.status()).as(taken.body()).isEqualTo(201);
            assertThat(taken.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
            shoppers.add(shopper);
            orderIds.add(taken.json().path("orderId").asString());
            Instant due = Instant.parse(taken.json().path("expiresAt").asString());
            lastDue = due.isAfter(lastDue) ? due : lastDue;
        }
        assertThat(platform.levels(lamp)).containsExactly(10L, 5L, 0L);

        orders.kill();
        // Down past every order's timeout: their Redis keys expire while nobody listens, so those expiry
        // events are lost for good. (The scenario is the passing of time itself, not a condition to wait for.)
        Instant backAfter = lastDue.plus(grace);
        Awaitility.await("every payment timeout passed while order-service is down")
                .atMost(timeout.plus(grace).plus(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(backAfter));
        orders = orders.restart();

        // The sweeper finds them in the database and settles each: nobody paid, so each is cancelled.
        for (int i = 0; i < orderIds.size(); i++) {
            String orderId = orderIds.get(i);
            String bearer = shoppers.get(i).bearer();
            Awaitility.await(orderId + " cancelled")
                    .atMost(SETTLED_WITHIN)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> "CANCELLED"
                            .equals(orderService
                                    .get("/api/orders/" + orderId, "Authorization", bearer)
                                    .json()
                                    .path("status")
                                    .asString()));
            assertThat(orderService
                            .get("/api/orders/" + orderId, "Authorization", bearer)
                            .json()
                            .path("reason")
                            .asString())
                    .isEqualTo("PAYMENT_TIMEOUT");
        }
        Awaitility.await("the stock back")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> platform.levels(lamp).equals(List.of(10L, 0L, 0L)));
        assertThat(platform.ledgerCheck(lamp).get(0).path("consistent").asBoolean())
                .isTrue();
    }

    @Test
    void inventoryKilledInABurstOfOrdersNoOrderIsPlacedWithoutItsStockAndNoneHoldsStockForever() throws Exception {
        int units = 100;
        int buyers = 60;
        orders = ServiceProcess.start(
                "order-service",
                platform.orderServiceArguments(
                        "orders_burst",
                        "http://127.0.0.1:9", // no order here comes from a cart
                        "--bazaar.orders.payment-timeout=30s",
                        "--bazaar.orders.grace=5s"));
        HttpTestClient orderService = new HttpTestClient(orders.baseUrl()).withTimeout(Duration.ofSeconds(60));
        String kettle = platform.stockedItem("kettle", 2_199_00, units);
        List<UserServiceShoppers.Shopper> shoppers =
                inParallel(8, Collections.nCopies(buyers, () -> platform.users.signUp(ServiceabilityNetwork.METRO)));

        // The burst: 60 buyers, 12 at a time; inventory-service is killed once 15 answers are in, and comes
        // back a moment later on the same port and database.
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<List<HttpTestClient.Response>> burst = CompletableFuture.supplyAsync(() -> {
            try {
                return inParallel(
                        12,
                        shoppers.stream()
                                .map(shopper -> (Callable<HttpTestClient.Response>) () -> {
                                    HttpTestClient.Response answer = orderService.post(
                                            "/api/orders",
                                            Map.of(
                                                    "lines",
                                                    List.of(Map.of("itemId", kettle, "quantity", 1)),
                                                    "paymentMethod",
                                                    "UPI"),
                                            "Authorization",
                                            shopper.bearer(),
                                            "Idempotency-Key",
                                            UUID.randomUUID().toString());
                                    answered.incrementAndGet();
                                    return answer;
                                })
                                .toList());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await("15 orders answered")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> answered.get() >= 15);
        platform.inventory.kill();
        Awaitility.await("orders refused while inventory-service is down")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> answered.get() >= 25 || burst.isDone());
        platform.inventory.restart();
        List<HttpTestClient.Response> answers = burst.get();

        // Each answer is an order waiting for payment, or a clear refusal (inventory unavailable); the ones
        // taken are paid, and each of those is placed with its stock sold.
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            HttpTestClient.Response answer = answers.get(i);
            assertThat(answer.status()).as(answer.body()).isIn(201, 503);
            if (answer.status() == 201) {
                taken.add(i);
            } else {
                assertThat(answer.json().path("type").asString())
                        .isEqualTo("https://bazaar.dev/problems/inventory-unavailable");
            }
        }
        assertThat(taken).as("orders taken before the kill").isNotEmpty();
        assertThat(taken.size()).as("orders refused while it was down").isLessThan(buyers);
        inParallel(
                8,
                taken.stream()
                        .map(i -> (Callable<Integer>) () -> platform.payments.pay(answers.get(i)
                                .json()
                                .path("payment")
                                .path("redirectUrl")
                                .asString()))
                        .toList());
        for (int i : taken) {
            String orderId = answers.get(i).json().path("orderId").asString();
            String bearer = shoppers.get(i).bearer();
            Awaitility.await(orderId + " placed")
                    .atMost(SETTLED_WITHIN)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> "PLACED"
                            .equals(orderService
                                    .get("/api/orders/" + orderId, "Authorization", bearer)
                                    .json()
                                    .path("status")
                                    .asString()));
        }

        // What a refused order may have reserved before the kill (its answer lost) is released by
        // inventory-service's sweeper when the reservation expires: in the end only paid orders hold stock,
        // as sold, one unit each, and the ledger recomputes the figures.
        long placed = taken.size();
        Awaitility.await("only placed orders hold stock")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> platform.levels(kettle).equals(List.of(units - placed, 0L, placed)));
        JsonNode check = platform.ledgerCheck(kettle);
        assertThat(check.get(0).path("consistent").asBoolean())
                .as(check.toString())
                .isTrue();
    }
}
