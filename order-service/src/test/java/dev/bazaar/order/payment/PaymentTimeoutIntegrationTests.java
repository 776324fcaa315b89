package dev.bazaar.order.payment;

import static dev.bazaar.order.CheckoutPeers.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.order.CheckoutPeers;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The payment timeout through Redis's expiry events, with a 3 s timeout and a grace of an hour (so the
 * sweeper never acts here: {@code PaymentSweeperIntegrationTests} covers it). The PSP sends its webhooks
 * {@value #WEBHOOK_DELAY_SECONDS} s late, so what happens at the timeout depends on payment-service asking
 * the PSP, not on a webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentTimeoutIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final long WEBHOOK_DELAY_SECONDS = 15;

    static CheckoutPeers peers;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        peers = CheckoutPeers.start(registry, "order-timeout-supplier", Duration.ofSeconds(WEBHOOK_DELAY_SECONDS));
        registry.add("bazaar.orders.payment-timeout", () -> TIMEOUT.toMillis() + "ms");
        registry.add("bazaar.orders.grace", () -> "1h");
    }

    @AfterAll
    void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @LocalServerPort
    int port;

    HttpTestClient.Response take(CheckoutPeers.Shopper shopper, String itemId, int quantity) {
        HttpTestClient.Response taken = HttpTestClient.local(port)
                .post(
                        "/api/orders",
                        order(itemId, quantity),
                        "Authorization",
                        shopper.bearer(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        return taken;
    }

    JsonNode awaitStatus(CheckoutPeers.Shopper shopper, String orderId, String status, Duration within) {
        return Awaitility.await(orderId + " " + status)
                .atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> HttpTestClient.local(port)
                                .get("/api/orders/" + orderId, "Authorization", shopper.bearer())
                                .json(),
                        order -> status.equals(order.path("status").asString()));
    }

    @Test
    void aClosedPaymentPageCancelsTheOrderWithinTheTimeoutPlusFiveSecondsAndGivesTheStockBack() {
        String lamp = peers.stockedItem(1_499, 4);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);

        String orderId = take(shopper, lamp, 3).text("orderId");
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 3L, 0L);

        JsonNode cancelled = awaitStatus(shopper, orderId, "CANCELLED", TIMEOUT.plusSeconds(5));
        assertThat(cancelled.path("reason").asString()).isEqualTo(Settlement.PAYMENT_TIMEOUT);
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 0L, 0L);
        assertThat(peers.paymentOf(orderId).path("status").asString()).isNotEqualTo("CAPTURED");
    }

    @Test
    void aPaymentCapturedBeforeTheTimeoutButNotYetReportedIsAskedForAndPlaced() {
        String lamp = peers.stockedItem(1_499, 4);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        JsonNode order = take(shopper, lamp, 1).json();

        // Paid at once; the webhook comes long after the timeout, which asks the PSP and finds it paid.
        assertThat(peers.payments.pay(order.path("payment").path("redirectUrl").asString()))
                .isEqualTo(303);

        JsonNode placed = awaitStatus(
                shopper, order.path("orderId").asString(), "PLACED", Duration.ofSeconds(WEBHOOK_DELAY_SECONDS - 2));
        assertThat(placed.path("status").asString()).isEqualTo("PLACED");
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 1L);
    }

    /**
     * The documented policy: a capture that arrives after the order was cancelled (its stock released) is
     * refunded in full, automatically; the order stays cancelled and no stock is sold.
     */
    @Test
    void aPaymentCapturedAfterTheTimeoutCancelledTheOrderIsRefunded() {
        String lamp = peers.stockedItem(1_499, 2);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        JsonNode order = take(shopper, lamp, 2).json();
        String orderId = order.path("orderId").asString();
        awaitStatus(shopper, orderId, "CANCELLED", TIMEOUT.plusSeconds(5));

        assertThat(peers.payments.pay(order.path("payment").path("redirectUrl").asString()))
                .isEqualTo(303);

        Awaitility.await(orderId + " refunded")
                .atMost(Duration.ofSeconds(WEBHOOK_DELAY_SECONDS + 60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> peers.paymentOf(orderId).path("status").asString(), "REFUNDED"::equals);
        JsonNode after = HttpTestClient.local(port)
                .get("/api/orders/" + orderId, "Authorization", shopper.bearer())
                .json();
        assertThat(after.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(peers.metroStock(lamp)).containsExactly(2L, 0L, 0L);
    }
}
