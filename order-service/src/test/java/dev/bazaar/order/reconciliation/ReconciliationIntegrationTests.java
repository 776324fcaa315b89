package dev.bazaar.order.reconciliation;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.order.payment.Settlement;
import dev.bazaar.order.peers.Inventory;
import dev.bazaar.order.peers.Payments;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.InventoryServiceProcess;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.PaymentServiceProcess;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation against real inventory- and payment-service processes (its PSP simulator inside), started once
 * for the class on one topic prefix; orders are made through {@link Orders} with their stock reserved and
 * their payment taken through the real peers (no item-, serviceability- or user-service needed). Mismatches
 * are injected by changing a peer's isolated database directly, as a bug or a hand would. Each run checks
 * everything the databases hold, so each test looks only at its own orders, items and payments.
 *
 * <p>The grace is 20 s: what a test sets up is aged past it in all three databases ({@link #age}) before the
 * run that must see it, and one test shows a fresh mismatch left alone until it is aged.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.orders.archival.keyspace=${spring.cassandra.keyspace-name}",
            "bazaar.orders.reconciliation.grace=20s",
            "bazaar.orders.archival.older-than=30m",
            "bazaar.orders.reconciliation.page-size=2"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS, LocalServer.CASSANDRA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationIntegrationTests {

    static final String WAREHOUSE = "WH-RC";
    static final Duration OLD = Duration.ofHours(1);

    static InventoryServiceProcess inventoryService;
    static PaymentServiceProcess paymentService;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        IsolatedNames names = IsolatedNames.forTestClass(ReconciliationIntegrationTests.class);
        String prefix = names.topicPrefix();
        inventoryService = InventoryServiceProcess.start(prefix);
        paymentService = PaymentServiceProcess.start(prefix, "--bazaar.psp-simulator.webhooks.delay=200ms");
        registry.add("spring.kafka.bootstrap-servers", LocalServer.KAFKA::address);
        registry.add("bazaar.kafka.topic-prefix", () -> prefix);
        registry.add("spring.kafka.consumer.group-id", () -> prefix + "orders");
        registry.add("bazaar.orders.peers.inventory", inventoryService::baseUrl);
        registry.add("bazaar.orders.peers.payments", paymentService::baseUrl);
        registry.add("bazaar.orders.peers.timeout", () -> "20s");
    }

    @AfterAll
    void stopPeers() {
        if (paymentService != null) {
            paymentService.close();
        }
        if (inventoryService != null) {
            inventoryService.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    Inventory inventory;

    @Autowired
    Payments payments;

    @Autowired
    Settlement settlement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LockProvider locks;

    @Autowired
    MeterRegistry meters;

    HttpTestClient ops() {
        return HttpTestClient.local(port).withHeader("Authorization", TestJwts.bearer("ops-1", "OPS"));
    }

    @Test
    void aCleanStateReportsNoMismatchForItsOrdersStockAndPayments() {
        String lamp = stocked(10);
        String placed = placed(lamp, 2, 1_499);
        String pending = pending(lamp, 1, 1_499);
        String cancelled = pending(lamp, 3, 1_499);
        assertThat(settlement.cancelPending(cancelled, Settlement.PAYMENT_DECLINED))
                .isTrue();
        // One that never got stock: CANCELLED with nothing in the ledger.
        String unreserved = created(lamp, 1, 1_499).orderId();
        assertThat(orders.transition(unreserved, OrderStatus.CREATED, OrderStatus.CANCELLED, "OUT_OF_STOCK"))
                .isTrue();
        List.of(placed, pending, cancelled, unreserved).forEach(this::age);
        assertThat(inventoryService.levels(lamp)).containsEntry(WAREHOUSE, List.of(8L, 1L, 2L));

        JsonNode run = reconcile();

        assertThat(run.path("checked").path("orders").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(run.path("checked").path("stockRows").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(run.path("checked").path("ledgerReferences").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(run.path("checked").path("payments").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(mismatchesAbout(run, placed, pending, cancelled, unreserved, lamp))
                .isEmpty();
    }

    @Test
    void anInjectedStockMismatchIsReportedWithTheItemAndWarehouse() {
        String tv = stocked(5);
        double before = gauge("STOCK_LEDGER");
        breakInventory("UPDATE stock SET on_hand = on_hand + 3 WHERE item_id = ? AND warehouse_id = ?", tv, WAREHOUSE);

        JsonNode run = reconcile();

        List<JsonNode> found = mismatchesAbout(run, tv);
        assertThat(found)
                .extracting(m -> m.path("kind").asString())
                .containsExactlyInAnyOrder("STOCK_LEDGER", "STOCK_IDENTITY");
        JsonNode ledger = found.stream()
                .filter(m -> m.path("kind").asString().equals("STOCK_LEDGER"))
                .findFirst()
                .orElseThrow();
        assertThat(ledger.path("itemId").asString()).isEqualTo(tv);
        assertThat(ledger.path("warehouseId").asString()).isEqualTo(WAREHOUSE);
        assertThat(ledger.path("expected").asString()).isEqualTo("onHand 5, reserved 0, sold 0");
        assertThat(ledger.path("actual").asString()).isEqualTo("onHand 8, reserved 0, sold 0");
        assertThat(run.path("mismatchesByKind").path("STOCK_LEDGER").asLong()).isGreaterThanOrEqualTo(1);
        // The gauge shows the last run's count; it was not there before (every earlier run saw no such row).
        assertThat(gauge("STOCK_LEDGER"))
                .isEqualTo(run.path("mismatchesByKind").path("STOCK_LEDGER").asDouble());
        assertThat(gauge("STOCK_LEDGER")).isGreaterThan(before);
        // Reported, never corrected.
        assertThat(inventoryService.levels(tv)).containsEntry(WAREHOUSE, List.of(8L, 0L, 0L));
    }

    @Test
    void anInjectedOrphanPaymentIsReported() {
        String orderId = UUID.randomUUID().toString();
        String paymentId = UUID.randomUUID().toString();
        breakPayments("""
                INSERT INTO payment (id, order_id, user_id, amount_minor, currency, method, status, psp_transaction_id,
                                     created_at, updated_at)
                VALUES (?, ?, 'nobody', 4999, 'INR', 'UPI', 'CAPTURED', ?, NOW(6) - INTERVAL 1 HOUR,
                        NOW(6) - INTERVAL 1 HOUR)""", paymentId, orderId, "txn_orphan_" + paymentId);

        JsonNode run = reconcile();

        List<JsonNode> found = mismatchesAbout(run, orderId);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("kind").asString()).isEqualTo("PAYMENT_WITHOUT_ORDER");
        assertThat(found.get(0).path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(found.get(0).path("actual").asString()).contains("CAPTURED 4999 INR");
    }

    @Test
    void anOrderWhoseLedgerDisagreesWithItsStatusIsReportedOnceItHasSettled() {
        String kettle = stocked(4);
        String order = pending(kettle, 1, 2_500);
        // PLACED without its reservation confirmed: the status says sold, the ledger says only reserved.
        jdbc.sql("UPDATE orders SET status = 'PLACED', version = version + 1 WHERE id = ?")
                .param(order)
                .update();

        // Just changed: left for a later run (the grace), not reported.
        assertThat(mismatchesAbout(reconcile(), order)).isEmpty();

        age(order);
        List<JsonNode> found = mismatchesAbout(reconcile(), order);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("kind").asString()).isEqualTo("ORDER_LEDGER");
        assertThat(found.get(0).path("itemId").asString()).isEqualTo(kettle);
        assertThat(found.get(0).path("warehouseId").asString()).isEqualTo(WAREHOUSE);
        assertThat(found.get(0).path("expected").asString()).isEqualTo("reserved 1, sold 1, released 0, restocked 0");
        assertThat(found.get(0).path("actual").asString()).isEqualTo("reserved 1, sold 0, released 0, restocked 0");
        // Nothing was corrected: the order is still PLACED, the unit still only reserved.
        assertThat(orders.find(order).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(inventoryService.levels(kettle)).containsEntry(WAREHOUSE, List.of(4L, 1L, 0L));
    }

    @Test
    void aPlacedOrderWithoutItsCapturedPaymentIsReported() {
        String mug = stocked(4);
        String order = placed(mug, 1, 350);
        // Its payment no longer captured (a final state, which a late webhook of the PSP cannot move back).
        breakPayments("UPDATE payment SET status = 'DECLINED' WHERE order_id = ?", order);
        age(order);

        List<JsonNode> found = mismatchesAbout(reconcile(), order);

        assertThat(found).extracting(m -> m.path("kind").asString()).containsExactly("PLACED_WITHOUT_PAYMENT");
    }

    /**
     * A paid order OPS cancels is owed its units back on hand and its money back (processing's compensation);
     * once both are done it holds nothing, live or after archival moved it to Cassandra, where its ledger
     * reference and its refunded payment are then found (a lookup that missed the archive would report both
     * as orphans).
     */
    @Test
    void aPaidOrderCancelledRestockedRefundedAndArchivedIsNoMismatch() {
        String chair = stocked(3);
        String order = placed(chair, 2, 900);
        HttpTestClient.Response cancelled =
                ops().post("/api/ops/orders/" + order + "/cancel", Map.of("reason", "damaged in the warehouse"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Awaitility.await(order + " restocked and refunded")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql(
                                        "SELECT COUNT(*) FROM order_compensation WHERE order_id = ? AND settled_at IS NOT NULL")
                                .param(order)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(inventoryService.levels(chair)).containsEntry(WAREHOUSE, List.of(3L, 0L, 0L));
        assertThat(payments.refreshed(order).orElseThrow().status()).isEqualTo("REFUNDED");
        age(order);

        assertThat(mismatchesAbout(reconcile(), order, chair)).isEmpty();

        HttpTestClient.Response archival = ops().post("/api/ops/archival/runs", Map.of());
        assertThat(archival.status()).as(archival.body()).isEqualTo(200);
        assertThat(orders.find(order)).isEmpty();
        JsonNode run = reconcile();
        assertThat(mismatchesAbout(run, order, chair)).isEmpty();
        assertThat(run.path("checked").path("ledgerReferences").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theApiIsForOpsOneRunAtATimeAndTheLatestRunIsListed() {
        HttpTestClient anonymous = HttpTestClient.local(port);
        assertThat(anonymous.post("/api/ops/reconciliation/runs", Map.of()).status())
                .isEqualTo(401);
        assertThat(anonymous
                        .get("/api/ops/reconciliation", "Authorization", TestJwts.bearer("shopper-1"))
                        .status())
                .isEqualTo(403);
        assertProblem(ops().get("/api/ops/reconciliation/runs/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(ops().get("/api/ops/reconciliation?size=501"), 400, "invalid-paging");

        // While a run holds the lock (here, or another instance), another is refused and nothing recorded.
        Optional<SimpleLock> held = locks.lock(
                new LockConfiguration(Instant.now(), Reconciliation.LOCK, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            assertProblem(ops().post("/api/ops/reconciliation/runs", Map.of()), 409, "reconciliation-running");
        } finally {
            held.get().unlock();
        }

        JsonNode run = reconcile();
        JsonNode latest = ops().get("/api/ops/reconciliation?size=1").json();
        assertThat(latest.path("runId").asString()).isEqualTo(run.path("runId").asString());
        assertThat(latest.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(latest.path("trigger").asString()).isEqualTo("OPS");
        assertThat(latest.path("mismatches").size()).isLessThanOrEqualTo(1);
        assertThat(latest.path("mismatchCount").asLong())
                .isEqualTo(run.path("mismatchCount").asLong());
    }

    // --- the orders, made through the real peers

    /** A new item with {@code units} received in the test's warehouse. */
    private String stocked(long units) {
        String itemId = UUID.randomUUID().toString();
        inventoryService.stock(WAREHOUSE, itemId, units);
        return itemId;
    }

    private Order created(String itemId, int quantity, long unitMinor) {
        String orderId = UUID.randomUUID().toString();
        return orders.create(new Orders.NewOrder(
                orderId,
                "shopper-rc",
                null,
                "400001",
                "UPI",
                Money.inr(unitMinor * quantity),
                List.of(new Order.Line(itemId, "Item", quantity, Money.inr(unitMinor), null, "supplier-rc"))));
    }

    /** PAYMENT_PENDING: stock reserved in inventory-service, a payment opened in payment-service. */
    private String pending(String itemId, int quantity, long unitMinor) {
        Order created = created(itemId, quantity, unitMinor);
        String orderId = created.orderId();
        Inventory.Reserved reserved = inventory.reserve(
                orderId, List.of(new Inventory.Line(itemId, quantity, List.of(WAREHOUSE))), Duration.ofHours(1));
        assertThat(reserved.succeeded()).isTrue();
        Payments.Payment payment = payments.create(orderId, created.userId(), created.total(), "UPI");
        assertThat(orders.awaitPayment(
                        created,
                        reserved.warehouseByItem(),
                        payment.paymentId(),
                        payment.redirectUrl(),
                        Instant.now().plus(Duration.ofHours(1))))
                .isPresent();
        return orderId;
    }

    /** PLACED: paid on the PSP simulator's page, captured, the stock confirmed (sold). */
    private String placed(String itemId, int quantity, long unitMinor) {
        String orderId = pending(itemId, quantity, unitMinor);
        String redirectUrl = orders.find(orderId).orElseThrow().paymentRedirectUrl();
        assertThat(paymentService.pay(redirectUrl)).isEqualTo(303);
        assertThat(payments.refreshed(orderId).orElseThrow().captured()).isTrue();
        settlement.captured(orderId);
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
        return orderId;
    }

    /** Moves the order's last change, its ledger rows' and its payment's an hour back: past the grace. */
    private void age(String orderId) {
        jdbc.sql("UPDATE orders SET updated_at = updated_at - INTERVAL 1 HOUR WHERE id = ?")
                .param(orderId)
                .update();
        breakInventory(
                "UPDATE stock_ledger SET created_at = created_at - INTERVAL 1 HOUR WHERE reference = ?", orderId);
        breakPayments("UPDATE payment SET updated_at = updated_at - INTERVAL 1 HOUR WHERE order_id = ?", orderId);
    }

    // --- the peers' databases, changed behind their backs

    private void breakInventory(String sql, Object... params) {
        peerDatabase(inventoryService.database()).sql(sql).params(params).update();
    }

    private void breakPayments(String sql, Object... params) {
        peerDatabase(paymentService.database()).sql(sql).params(params).update();
    }

    private static JdbcClient peerDatabase(String database) {
        return JdbcClient.create(new DriverManagerDataSource(
                "jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + database, "root", ""));
    }

    // --- a run through the OPS API

    /** POST a run, wait until it ends, and answer it with (up to 500 of) its mismatches; asserts it COMPLETED. */
    private JsonNode reconcile() {
        // The run before may still be letting go of its lock for a moment after it recorded its end.
        HttpTestClient.Response started = Awaitility.await("a run started")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ops().post("/api/ops/reconciliation/runs", Map.of()), answer -> answer.status() != 409);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.text("runId");
        assertThat(started.header("Location")).isEqualTo("/api/ops/reconciliation/runs/" + runId);
        JsonNode run = Awaitility.await("reconciliation " + runId)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ops().get("/api/ops/reconciliation/runs/" + runId + "?size=500")
                                .json(),
                        r -> !"RUNNING".equals(r.path("status").asString()));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        return run;
    }

    /** The run's mismatches naming any of {@code ids} (as order, item or payment). */
    private static List<JsonNode> mismatchesAbout(JsonNode run, String... ids) {
        List<String> wanted = List.of(ids);
        List<JsonNode> about = new ArrayList<>();
        run.path("mismatches").forEach(m -> {
            if (wanted.contains(m.path("orderId").asString(""))
                    || wanted.contains(m.path("itemId").asString(""))
                    || wanted.contains(m.path("paymentId").asString(""))) {
                about.add(m);
            }
        });
        return about;
    }

    private double gauge(String kind) {
        return meters.get("bazaar.orders.reconciliation.mismatches")
                .tag("kind", kind)
                .gauge()
                .value();
    }
}
