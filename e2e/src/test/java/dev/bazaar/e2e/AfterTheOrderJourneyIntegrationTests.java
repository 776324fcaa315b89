package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Mailboxes;
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
 * The order after payment, through the gateway's jar in front of the real jars: the seller of the item packs,
 * ships and delivers it, the shopper returns it, and the stock comes back and the payment is refunded; at
 * each step notification-service, reading order-service's and payment-service's events, mails the shopper
 * (read back from GreenMail over IMAP) and leaves an in-app message. The contract between the services is
 * what is tested here: the events' reasons and lines as order-service publishes them, the contact
 * user-service gives, the routes the gateway has.
 */
class AfterTheOrderJourneyIntegrationTests {

    static final String SUPPLIER = "e2e-after-order-supplier";
    static final Duration SETTLED_WITHIN = Duration.ofSeconds(120);

    static CheckoutPlatform platform;
    static ServiceProcess orders;
    static ServiceProcess notifications;
    static ServiceProcess gateway;
    static HttpTestClient shop;

    @BeforeAll
    static void startThePlatform() throws Exception {
        LocalServer.CASSANDRA.requireReachable();
        LocalServer.GREENMAIL.requireReachable();
        platform = CheckoutPlatform.start(AfterTheOrderJourneyIntegrationTests.class, SUPPLIER, List.of(), List.of());
        orders = ServiceProcess.start(
                "order-service",
                platform.orderServiceArguments(
                        "orders",
                        // Orders here name their lines, so order-service never asks cart-service for a cart.
                        "http://127.0.0.1:9",
                        "--bazaar.orders.archival.keyspace=" + platform.names.keyspace()));
        notifications = ServiceProcess.start(
                "notification-service",
                List.of(
                        platform.jwks(),
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + platform.topicPrefix(),
                        "--spring.kafka.consumer.group-id=" + platform.names.base() + "-notifications",
                        platform.database("notifications"),
                        "--bazaar.notifications.users.url=" + platform.users.baseUrl(),
                        "--spring.mail.host=" + LocalServer.GREENMAIL.host(),
                        "--spring.mail.port=" + LocalServer.GREENMAIL.port()));
        gateway = platform.gateway("orders=" + orders.baseUrl(), "notifications=" + notifications.baseUrl());
        shop = new HttpTestClient(gateway.baseUrl()).withTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopThePlatform() {
        for (AutoCloseable service : new AutoCloseable[] {gateway, notifications, orders, platform}) {
            CheckoutPlatform.closeQuietly(service);
        }
    }

    @Test
    void theSellerShipsAndDeliversTheShopperIsToldAtEachStepAndAReturnIsRestockedAndRefunded() {
        String lamp = platform.stockedItem("lamp", 1_499_00, 3);
        UserServiceShoppers.Shopper shopper = platform.users.signUp(ServiceabilityNetwork.METRO);
        String email =
                shop.get("/api/users/me", "Authorization", shopper.bearer()).text("email");
        // Sellers as OPS makes them in user-service: their tokens carry the supplier they sell for.
        String seller = platform.users.seller(SUPPLIER).bearer();
        String otherSeller = platform.users.seller("another-supplier").bearer();

        HttpTestClient.Response taken = shop.post(
                "/api/orders",
                Map.of("lines", List.of(Map.of("itemId", lamp, "quantity", 2)), "paymentMethod", "UPI"),
                "Authorization",
                shopper.bearer(),
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String orderId = taken.text("orderId");
        assertThat(platform.payments.pay(
                        taken.json().path("payment").path("redirectUrl").asString()))
                .isBetween(200, 399);
        awaitStatus(orderId, shopper.bearer(), "PLACED");
        assertThat(platform.levels(lamp)).containsExactly(1L, 0L, 2L);
        awaitMail(email, "placed");

        // Another seller cannot see it; its own seller moves it one step at a time, and not out of order.
        assertThat(shop.get("/api/seller/orders/" + orderId, "Authorization", otherSeller)
                        .status())
                .isEqualTo(404);
        assertThat(shop.post("/api/seller/orders/" + orderId + "/ship", Map.of(), "Authorization", seller)
                        .status())
                .isEqualTo(409);
        for (String step : List.of("pack", "ship", "deliver")) {
            HttpTestClient.Response moved =
                    shop.post("/api/seller/orders/" + orderId + "/" + step, Map.of(), "Authorization", seller);
            assertThat(moved.status()).as(step + ": " + moved.body()).isEqualTo(200);
        }
        assertThat(status(orderId, shopper.bearer())).isEqualTo("DELIVERED");
        awaitMail(email, "shipped");
        awaitMail(email, "delivered");

        // The shopper returns it within the window: the two lamps are back on hand, the payment refunded.
        HttpTestClient.Response returned = shop.post(
                "/api/orders/" + orderId + "/return",
                Map.of("reason", "The shade arrived cracked"),
                "Authorization",
                shopper.bearer());
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        Awaitility.await(orderId + " restocked and refunded")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        platform.levels(lamp).equals(List.of(3L, 0L, 0L)) && "REFUNDED".equals(paymentStatus(orderId)));
        awaitMail(email, "refund");

        // The same story in the shopper's in-app inbox, newest first.
        JsonNode inbox = shop.get("/api/notifications", "Authorization", shopper.bearer())
                .json();
        assertThat(inbox.path("messages").size()).isGreaterThanOrEqualTo(4);
        assertThat(inbox.path("messages").get(0).path("orderId").asString()).isEqualTo(orderId);
        assertThat(inbox.path("unread").asInt()).isGreaterThanOrEqualTo(4);
    }

    /** A mail to {@code address} about the order whose subject says {@code word} (e.g. "shipped"). */
    private static void awaitMail(String address, String word) {
        Awaitility.await("a mail to " + address + " saying " + word)
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Mailboxes.of(address).stream()
                        .anyMatch(mail -> mail.subject().toLowerCase().contains(word)));
    }

    private static void awaitStatus(String orderId, String shopperBearer, String status) {
        Awaitility.await(orderId + " " + status)
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> status.equals(status(orderId, shopperBearer)));
    }

    /** The order's payment as payment-service holds it (its internal read, as order-service asks it). */
    private static String paymentStatus(String orderId) {
        return new HttpTestClient(platform.payments.baseUrl())
                .get("/internal/payments/orders/" + orderId, "X-Internal-Token", CheckoutPlatform.INTERNAL_TOKEN)
                .text("status");
    }

    /** The order's status, as the shopper's order view shows it. */
    private static String status(String orderId, String shopperBearer) {
        return shop.get("/api/orders/" + orderId, "Authorization", shopperBearer)
                .text("status");
    }
}
