package dev.bazaar.order.payment;

import static dev.bazaar.order.CheckoutPeers.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.CheckoutPeers;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An expiry event lost (the service was down when the key expired; here the key is deleted, which Redis
 * announces as a deletion, not an expiry): the sweeper finds the order PAYMENT_PENDING past its timeout plus
 * the grace in the database and settles it through the same path. An order a dead taking left CREATED is
 * swept too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentSweeperIntegrationTests {

    static CheckoutPeers peers;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        peers = CheckoutPeers.start(registry, "order-sweeper-supplier");
        registry.add("bazaar.orders.payment-timeout", () -> "2s");
        registry.add("bazaar.orders.grace", () -> "1s");
        registry.add("bazaar.orders.sweep-interval", () -> "500ms");
    }

    @AfterAll
    void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PaymentTimeouts timeouts;

    @Autowired
    Orders orders;

    @Test
    void anOrderWhoseExpiryWasLostIsCancelledByTheSweeperAndItsStockGivenBack() {
        String lamp = peers.stockedItem(1_499, 3);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        HttpTestClient.Response taken = HttpTestClient.local(port)
                .post(
                        "/api/orders",
                        order(lamp, 2),
                        "Authorization",
                        shopper.bearer(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String orderId = taken.text("orderId");
        assertThat(redis.delete(timeouts.keyOf(orderId))).isTrue();

        JsonNode cancelled = Awaitility.await(orderId + " swept")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> HttpTestClient.local(port)
                                .get("/api/orders/" + orderId, "Authorization", shopper.bearer())
                                .json(),
                        order -> "CANCELLED".equals(order.path("status").asString()));

        assertThat(cancelled.path("reason").asString()).isEqualTo(Settlement.PAYMENT_TIMEOUT);
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 0L);
    }

    /** A taking that died after the order was made, before it waited for a payment (as after a kill -9). */
    @Test
    void anOrderLeftCreatedIsCancelledByTheSweeper() {
        String lamp = peers.stockedItem(1_499, 3);
        String orderId = UUID.randomUUID().toString();
        orders.create(new Orders.NewOrder(
                orderId,
                "a-shopper",
                null,
                ServiceabilityNetwork.METRO,
                "UPI",
                Money.inr(1_499),
                List.of(new Order.Line(lamp, "Lamp", 1, Money.inr(1_499), null, "sweeper-supplier"))));

        Order swept = Awaitility.await(orderId + " swept")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> orders.find(orderId).orElseThrow(), order -> order.status() == OrderStatus.CANCELLED);

        assertThat(swept.reason()).isEqualTo(Settlement.TAKING_INTERRUPTED);
    }
}
