package dev.bazaar.order.processing;

import static dev.bazaar.order.CheckoutPeers.order;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.order.CheckoutPeers;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.TopicTail;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order after payment against the real peers ({@link CheckoutPeers}): fulfilment by the seller and OPS with
 * every move in the history and on {@code orders.events.v1}, cancellation by the seller putting the stock back
 * in inventory-service and refunding through payment-service, a return within the window, seller isolation,
 * illegal moves, bad input, and the sweeper paying what payment-service could not while it was down. The
 * compensation sweeper runs every 300 ms here (the same rule as at 30 s); the return window is the default 7
 * days, and a delivery is moved back in the database to fall outside it (never slept).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLifecycleIntegrationTests {

    static final String SUPPLIER = "lifecycle-supplier";
    static final String OTHER_SUPPLIER = "lifecycle-other-supplier";

    static CheckoutPeers peers;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        peers = CheckoutPeers.start(registry, SUPPLIER);
        registry.add("bazaar.orders.compensation-retry", () -> "300ms");
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
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    final String seller = TestJwts.bearer("seller-1", Map.of("supplier_id", SUPPLIER), "SELLER");
    final String otherSeller = TestJwts.bearer("seller-2", Map.of("supplier_id", OTHER_SUPPLIER), "SELLER");
    final String ops = TestJwts.bearer("ops-1", "OPS");

    HttpTestClient api() {
        return HttpTestClient.local(port);
    }

    HttpTestClient.Response post(String bearer, String path, Object body) {
        return api().post(path, body, "Authorization", bearer);
    }

    HttpTestClient.Response get(String bearer, String path) {
        return api().get(path, "Authorization", bearer);
    }

    /** An order of these lines, paid on the simulator's page, once PLACED: its id. */
    String placedOrder(CheckoutPeers.Shopper shopper, Object... itemsAndQuantities) {
        HttpTestClient.Response taken = api().post(
                        "/api/orders",
                        order(itemsAndQuantities),
                        "Authorization",
                        shopper.bearer(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String orderId = taken.text("orderId");
        assertThat(peers.payments.pay(
                        taken.json().path("payment").path("redirectUrl").asString()))
                .isEqualTo(303);
        Awaitility.await(orderId + " PLACED")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> orders.find(orderId).orElseThrow().status() == OrderStatus.PLACED);
        return orderId;
    }

    List<OrderStatusChanged> events(TopicTail tail, String orderId, int atLeast) {
        return tail.withKey(orderId, records -> records.size() >= atLeast, Duration.ofSeconds(60)).stream()
                .map(record -> json.readValue(record.value(), OrderStatusChanged.class))
                .toList();
    }

    void assertRefunded(String orderId) {
        assertThat(peers.paymentOf(orderId).path("status").asString()).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("SELECT settled_at IS NOT NULL FROM order_compensation WHERE order_id = ?")
                        .param(orderId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aPlacedOrderIsPackedShippedDeliveredAndReturnedWithEveryMoveInItsHistoryAndOnTheTopic() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId = placedOrder(shopper, lamp, 2);
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 2L);

        // The seller's list shows it among their PLACED orders, with their line.
        JsonNode placed =
                get(seller, "/api/seller/orders?status=PLACED&size=100").json();
        assertThat(placed.path("orders")
                        .valueStream()
                        .map(o -> o.path("orderId").asString()))
                .contains(orderId);
        HttpTestClient.Response packed = post(seller, "/api/seller/orders/" + orderId + "/pack", Map.of());
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        assertThat(packed.text("status")).isEqualTo("PACKED");
        assertThat(packed.json().path("otherSellers").asBoolean()).isFalse();
        assertThat(packed.json().path("lines").get(0).path("itemId").asString()).isEqualTo(lamp);
        // A retry (its answer lost) answers the order as it is and moves nothing twice.
        HttpTestClient.Response again = post(seller, "/api/seller/orders/" + orderId + "/pack", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("PACKED");
        HttpTestClient.Response shipped = post(ops, "/api/ops/orders/" + orderId + "/ship", Map.of());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.text("status")).isEqualTo("SHIPPED");
        HttpTestClient.Response delivered = post(seller, "/api/seller/orders/" + orderId + "/deliver", Map.of());
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.text("status")).isEqualTo("DELIVERED");
        assertThat(peers.metroStock(lamp)).as("delivered: still sold").containsExactly(3L, 0L, 2L);

        HttpTestClient.Response returned =
                post(shopper.bearer(), "/api/orders/" + orderId + "/return", Map.of("reason", "too dim"));

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        assertThat(returned.text("reason")).isEqualTo("returned-by-customer");
        assertThat(peers.metroStock(lamp)).as("back on hand").containsExactly(5L, 0L, 0L);
        assertRefunded(orderId);
        assertThat(orders.history(orderId))
                .extracting(step -> step.from() + ">" + step.to() + ":" + step.reason())
                .containsExactly(
                        "null>CREATED:null",
                        "CREATED>PAYMENT_PENDING:null",
                        "PAYMENT_PENDING>PLACED:null",
                        "PLACED>PACKED:packed-by-seller",
                        "PACKED>SHIPPED:shipped-by-ops",
                        "SHIPPED>DELIVERED:delivered-by-seller",
                        "DELIVERED>RETURNED:returned-by-customer");
        assertThat(orders.history(orderId).get(6).note()).isEqualTo("too dim");
        try (TopicTail tail = new TopicTail(LocalServer.KAFKA.address(), peers.topicPrefix() + Topics.ORDER_EVENTS)) {
            List<OrderStatusChanged> events = events(tail, orderId, 7);
            assertThat(events)
                    .extracting(event -> event.from() + ">" + event.to() + ":" + event.reason())
                    .containsExactly(
                            "null>CREATED:null",
                            "CREATED>PAYMENT_PENDING:null",
                            "PAYMENT_PENDING>PLACED:null",
                            "PLACED>PACKED:packed-by-seller",
                            "PACKED>SHIPPED:shipped-by-ops",
                            "SHIPPED>DELIVERED:delivered-by-seller",
                            "DELIVERED>RETURNED:returned-by-customer");
            OrderStatusChanged last = events.get(6);
            assertThat(last.userId()).isEqualTo(shopper.userId());
            assertThat(last.total().minor()).isEqualTo(2 * 1_499);
            assertThat(last.lines()).singleElement().satisfies(line -> {
                assertThat(line.itemId()).isEqualTo(lamp);
                assertThat(line.supplierId()).isEqualTo(SUPPLIER);
                assertThat(line.quantity()).isEqualTo(2);
            });
        }
        // Returned is final, and a repeat of the return answers it as it is.
        HttpTestClient.Response repeat =
                post(shopper.bearer(), "/api/orders/" + orderId + "/return", Map.of("reason", "too dim"));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(orders.history(orderId)).hasSize(7);
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 0L, 0L);
    }

    @Test
    void theSellerCancelsAPlacedOrderAndOpsAPackedOneTheStockComesBackAndTheShopperIsRefunded() {
        String lamp = peers.stockedItem(1_499, 6);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String placed = placedOrder(shopper, lamp, 2);
        String packed = placedOrder(shopper, lamp, 1);
        assertThat(post(seller, "/api/seller/orders/" + packed + "/pack", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 3L);

        HttpTestClient.Response bySeller =
                post(seller, "/api/seller/orders/" + placed + "/cancel", Map.of("reason", "damaged in the warehouse"));
        HttpTestClient.Response byOps =
                post(ops, "/api/ops/orders/" + packed + "/cancel", Map.of("reason", "courier refused it"));

        assertThat(bySeller.status()).as(bySeller.body()).isEqualTo(200);
        assertThat(bySeller.text("status")).isEqualTo("CANCELLED");
        assertThat(bySeller.text("reason")).isEqualTo("cancelled-by-seller");
        assertThat(byOps.status()).as(byOps.body()).isEqualTo(200);
        assertThat(byOps.text("reason")).isEqualTo("cancelled-by-ops");
        assertThat(peers.metroStock(lamp)).as("all back on hand").containsExactly(6L, 0L, 0L);
        assertRefunded(placed);
        assertRefunded(packed);
        assertThat(orders.history(placed).get(3))
                .satisfies(step -> assertThat(step.to()).isEqualTo(OrderStatus.CANCELLED))
                .satisfies(step -> assertThat(step.note()).isEqualTo("damaged in the warehouse"));
        // The shopper sees who cancelled; a repeat answers it as it is and puts nothing back twice.
        assertThat(get(shopper.bearer(), "/api/orders/" + placed).text("reason"))
                .isEqualTo("cancelled-by-seller");
        HttpTestClient.Response repeat =
                post(seller, "/api/seller/orders/" + placed + "/cancel", Map.of("reason", "damaged in the warehouse"));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(peers.metroStock(lamp)).containsExactly(6L, 0L, 0L);
        try (TopicTail tail = new TopicTail(LocalServer.KAFKA.address(), peers.topicPrefix() + Topics.ORDER_EVENTS)) {
            OrderStatusChanged cancelled = events(tail, placed, 4).get(3);
            assertThat(cancelled.to()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.reason()).isEqualTo("cancelled-by-seller");
            assertThat(cancelled.lines().get(0).supplierId()).isEqualTo(SUPPLIER);
            assertThat(events(tail, packed, 5).get(4).reason()).isEqualTo("cancelled-by-ops");
        }
    }

    @Test
    void theShopperCancelsAPlacedOrderAndItsStockComesBackBesideTheRefund() {
        String lamp = peers.stockedItem(1_499, 4);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId = placedOrder(shopper, lamp, 3);

        HttpTestClient.Response cancelled = post(shopper.bearer(), "/api/orders/" + orderId + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("reason")).isEqualTo("cancelled-by-customer");
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 0L, 0L);
        assertRefunded(orderId);
    }

    /**
     * Moves at once: the shopper's cancel against the seller's pack (exactly one wins), then three cancels of
     * one order at once (one move, one restock, one refund; each answered CANCELLED).
     */
    @Test
    void movesAtOnceMoveTheOrderOnceAndRestockItOnce() throws Exception {
        String lamp = peers.stockedItem(1_499, 6);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String raced = placedOrder(shopper, lamp, 1);
        String cancelledThrice = placedOrder(shopper, lamp, 2);

        List<HttpTestClient.Response> race = Together.run(List.<Callable<HttpTestClient.Response>>of(
                () -> post(shopper.bearer(), "/api/orders/" + raced + "/cancel", Map.of()),
                () -> post(seller, "/api/seller/orders/" + raced + "/pack", Map.of())));

        assertThat(race).extracting(HttpTestClient.Response::status).containsExactlyInAnyOrder(200, 409);
        OrderStatus won = orders.find(raced).orElseThrow().status();
        assertThat(won).isIn(OrderStatus.CANCELLED, OrderStatus.PACKED);
        assertThat(orders.history(raced)).hasSize(4);

        List<HttpTestClient.Response> cancels = Together.run(
                3, () -> post(seller, "/api/seller/orders/" + cancelledThrice + "/cancel", Map.of("reason", "recall")));

        assertThat(cancels).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.text("status")).isEqualTo("CANCELLED");
        });
        assertThat(orders.history(cancelledThrice)).hasSize(4);
        assertRefunded(cancelledThrice);
        // 6 received: the raced order holds 1 unless it was cancelled, the other is all back.
        assertThat(peers.metroStock(lamp))
                .isEqualTo(won == OrderStatus.CANCELLED ? List.of(6L, 0L, 0L) : List.of(5L, 0L, 1L));
    }

    @Test
    void aSellerSeesAndChangesOnlyOrdersOfTheirOwnItems() {
        String mine = peers.stockedItem(1_499, 5);
        String theirs = peers.stockedItemOf(OTHER_SUPPLIER, 2_250, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String onlyMine = placedOrder(shopper, mine, 1);
        String mixed = placedOrder(shopper, mine, 1, theirs, 1);
        String onlyTheirs = placedOrder(shopper, theirs, 1);

        // Another seller's order is not found, exactly as one that does not exist.
        assertProblem(get(seller, "/api/seller/orders/" + onlyTheirs), 404, "not-found");
        assertProblem(post(seller, "/api/seller/orders/" + onlyTheirs + "/pack", Map.of()), 404, "not-found");
        assertProblem(
                post(seller, "/api/seller/orders/" + onlyTheirs + "/cancel", Map.of("reason", "mine now")),
                404,
                "not-found");
        assertThat(orders.find(onlyTheirs).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
        // A mixed order is seen by each of its sellers with their own lines only, and changed by OPS alone.
        JsonNode seen = get(seller, "/api/seller/orders/" + mixed).json();
        assertThat(seen.path("otherSellers").asBoolean()).isTrue();
        assertThat(seen.path("lines")
                        .valueStream()
                        .map(line -> line.path("itemId").asString()))
                .containsExactly(mine);
        assertThat(seen.has("total"))
                .as("another seller's prices are none of theirs")
                .isFalse();
        assertThat(get(otherSeller, "/api/seller/orders/" + mixed)
                        .json()
                        .path("lines")
                        .valueStream()
                        .map(line -> line.path("itemId").asString()))
                .containsExactly(theirs);
        assertProblem(post(seller, "/api/seller/orders/" + mixed + "/pack", Map.of()), 409, "order-of-several-sellers");
        assertProblem(
                post(otherSeller, "/api/seller/orders/" + mixed + "/cancel", Map.of("reason", "no")),
                409,
                "order-of-several-sellers");
        assertThat(orders.find(mixed).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(post(ops, "/api/ops/orders/" + mixed + "/pack", Map.of()).text("status"))
                .isEqualTo("PACKED");
        // The list: theirs, newest first, nothing of another seller's.
        List<String> listed = get(seller, "/api/seller/orders?size=100")
                .json()
                .path("orders")
                .valueStream()
                .map(o -> o.path("orderId").asString())
                .toList();
        assertThat(listed).contains(onlyMine, mixed).doesNotContain(onlyTheirs);
        assertThat(listed.indexOf(mixed)).isLessThan(listed.indexOf(onlyMine));
        assertThat(get(seller, "/api/seller/orders?status=PACKED&size=100")
                        .json()
                        .path("orders")
                        .valueStream()
                        .map(o -> o.path("orderId").asString()))
                .contains(mixed)
                .doesNotContain(onlyMine);
        // A seller account not linked to a supplier, a shopper, and a shopper on OPS's API: refused.
        assertProblem(get(TestJwts.bearer("seller-3", "SELLER"), "/api/seller/orders"), 403, "supplier-link-required");
        assertProblem(
                post(TestJwts.bearer("seller-3", "SELLER"), "/api/seller/orders/" + onlyMine + "/pack", Map.of()),
                403,
                "supplier-link-required");
        assertProblem(get(shopper.bearer(), "/api/seller/orders"), 403, null);
        assertProblem(post(shopper.bearer(), "/api/ops/orders/" + onlyMine + "/pack", Map.of()), 403, null);
        assertThat(orders.find(onlyMine).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aMoveFromTheWrongStatusIsRefusedNamingItAndChangesNothing() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId = placedOrder(shopper, lamp, 1);

        HttpTestClient.Response unpacked = post(ops, "/api/ops/orders/" + orderId + "/ship", Map.of());
        assertProblem(unpacked, 409, "illegal-transition");
        assertThat(unpacked.text("status")).isEqualTo("PLACED");
        assertProblem(post(seller, "/api/seller/orders/" + orderId + "/deliver", Map.of()), 409, "illegal-transition");
        assertProblem(
                post(shopper.bearer(), "/api/orders/" + orderId + "/return", Map.of("reason", "changed my mind")),
                409,
                "illegal-transition");
        post(seller, "/api/seller/orders/" + orderId + "/pack", Map.of());
        HttpTestClient.Response packedByShopper =
                post(shopper.bearer(), "/api/orders/" + orderId + "/cancel", Map.of());
        assertProblem(packedByShopper, 409, "order-not-cancellable");
        assertThat(packedByShopper.text("status")).isEqualTo("PACKED");
        post(seller, "/api/seller/orders/" + orderId + "/ship", Map.of());
        HttpTestClient.Response shippedBySeller =
                post(seller, "/api/seller/orders/" + orderId + "/cancel", Map.of("reason", "too late"));
        assertProblem(shippedBySeller, 409, "order-not-cancellable");
        assertThat(shippedBySeller.text("status")).isEqualTo("SHIPPED");
        assertProblem(post(ops, "/api/ops/orders/" + orderId + "/cancel", Map.of("reason", "too late")), 409, null);
        assertProblem(post(ops, "/api/ops/orders/" + orderId + "/pack", Map.of()), 409, "illegal-transition");
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);

        // Delivered 8 days ago (the database's clock decides): the 7-day window has closed.
        post(seller, "/api/seller/orders/" + orderId + "/deliver", Map.of());
        jdbc.sql("""
                        UPDATE order_status_history SET changed_at = changed_at - INTERVAL 8 DAY
                        WHERE order_id = ? AND to_status = 'DELIVERED'""").param(orderId).update();
        int version = orders.find(orderId).orElseThrow().version();

        HttpTestClient.Response late =
                post(shopper.bearer(), "/api/orders/" + orderId + "/return", Map.of("reason", "changed my mind"));

        assertProblem(late, 409, "return-window-closed");
        assertThat(late.text("returnWindow")).isEqualTo("PT168H");
        assertProblem(post(ops, "/api/ops/orders/" + orderId + "/return", Map.of("reason", "late")), 409, null);
        assertThat(orders.find(orderId).orElseThrow())
                .extracting(order -> order.status(), order -> order.version())
                .containsExactly(OrderStatus.DELIVERED, version);
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 0L, 1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_compensation WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
        // OPS may not cancel an order still waiting for its payment: that is the shopper's or the timeout's.
        String waiting = api().post(
                        "/api/orders",
                        order(lamp, 1),
                        "Authorization",
                        shopper.bearer(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString())
                .text("orderId");
        HttpTestClient.Response pending = post(ops, "/api/ops/orders/" + waiting + "/cancel", Map.of("reason", "x"));
        assertProblem(pending, 409, "order-not-cancellable");
        assertThat(pending.text("status")).isEqualTo("PAYMENT_PENDING");
        assertProblem(get(seller, "/api/seller/orders/" + waiting), 404, "not-found");
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId = placedOrder(shopper, lamp, 1);
        String unknown = UUID.randomUUID().toString();

        assertProblem(post(ops, "/api/ops/orders/" + unknown + "/pack", Map.of()), 404, "not-found");
        assertProblem(get(seller, "/api/seller/orders/" + unknown), 404, "not-found");
        assertProblem(
                post(shopper.bearer(), "/api/orders/" + unknown + "/return", Map.of("reason", "x")), 404, "not-found");
        // A cancellation by the seller or OPS, and a return, need a reason.
        assertProblem(post(seller, "/api/seller/orders/" + orderId + "/cancel", Map.of()), 400, "validation-error");
        assertProblem(
                post(ops, "/api/ops/orders/" + orderId + "/cancel", Map.of("reason", " ")), 400, "validation-error");
        assertProblem(post(seller, "/api/seller/orders/" + orderId + "/cancel", null), 400, null);
        assertProblem(post(ops, "/api/ops/orders/" + orderId + "/cancel", "{\"reason\": "), 400, null);
        assertProblem(post(shopper.bearer(), "/api/orders/" + orderId + "/cancel", "{not json"), 400, null);
        assertProblem(
                post(ops, "/api/ops/orders/" + orderId + "/cancel", Map.of("reason", "x".repeat(501))),
                400,
                "validation-error");
        assertProblem(get(seller, "/api/seller/orders?status=LOST"), 400, null);
        assertProblem(get(seller, "/api/seller/orders?size=0"), 400, null);
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 0L, 1L);

        ApiDocument.fetch(port)
                .assertOperations(
                        "GET /api/seller/orders",
                        "GET /api/seller/orders/{orderId}",
                        "POST /api/seller/orders/{orderId}/pack",
                        "POST /api/seller/orders/{orderId}/ship",
                        "POST /api/seller/orders/{orderId}/deliver",
                        "POST /api/seller/orders/{orderId}/cancel",
                        "POST /api/ops/orders/{orderId}/pack",
                        "POST /api/ops/orders/{orderId}/return",
                        "POST /api/orders/{orderId}/cancel",
                        "POST /api/orders/{orderId}/return");
    }

    /**
     * payment-service down when the seller cancels: the cancellation stands, the stock is back at once, and the
     * refund it still owes is recorded; the sweeper makes it once payment-service is back.
     */
    @Test
    void aRefundPaymentServiceCouldNotMakeIsMadeByTheSweeperOnceItIsBack() throws Exception {
        String lamp = peers.stockedItem(1_499, 3);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId = placedOrder(shopper, lamp, 2);

        peers.payments.kill();
        HttpTestClient.Response cancelled;
        try {
            cancelled = post(seller, "/api/seller/orders/" + orderId + "/cancel", Map.of("reason", "lost in transit"));

            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
            assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 0L);
            Awaitility.await("the sweeper tries again while payment-service is down")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.sql("SELECT attempts FROM order_compensation WHERE order_id = ?")
                                    .param(orderId)
                                    .query(Integer.class)
                                    .single()
                            >= 2);
            assertThat(jdbc.sql("""
                                    SELECT restocked_at IS NOT NULL AND refunded_at IS NULL AND settled_at IS NULL
                                           AND last_error LIKE 'refund:%'
                                    FROM order_compensation WHERE order_id = ?""").param(orderId).query(Boolean.class).single())
                    .isTrue();
            assertThat(meters.get("bazaar.orders.compensations.owed").gauge().value())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            peers.payments.restart();
        }

        Awaitility.await(orderId + " refunded by the sweeper")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> "REFUNDED"
                        .equals(peers.paymentOf(orderId).path("status").asString()));
        Awaitility.await(orderId + " settled")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertRefunded(orderId));
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 0L);
        assertThat(meters.get("bazaar.orders.compensations.owed").gauge().value())
                .as("every other test's compensation was settled at once")
                .isZero();
    }
}
