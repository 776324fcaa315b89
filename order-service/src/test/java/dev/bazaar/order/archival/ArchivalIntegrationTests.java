package dev.bazaar.order.archival;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.CREATED;
import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;
import static dev.bazaar.contracts.orders.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.contracts.orders.OrderStatus.PLACED;
import static dev.bazaar.contracts.orders.OrderStatus.RETURNED;
import static dev.bazaar.contracts.orders.OrderStatus.SHIPPED;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Archival and the merged history on the real MariaDB and Cassandra (orders made through {@link Orders} and
 * aged in SQL; no peer is needed). Archival runs are started by the tests ({@link Archival#run}); the schedule
 * (30 min) never fires here. Each test first runs archival once, so what it finds afterwards is its own.
 *
 * <p>The crash between the Cassandra write and the MariaDB delete is an {@link Error} thrown by the delete
 * step ({@link FaultyDelete}, standing in for {@link ArchivableOrders}): it unwinds the run exactly where a
 * kill would stop it, past every catch of an exception, with the orders written and verified in Cassandra
 * and still live. (A child process halted there would also lose its lock only at {@code lock-at-most-for};
 * the rerun here needs no wait because the unwinding released it.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.orders.archival.keyspace=${spring.cassandra.keyspace-name}",
            "bazaar.orders.archival.batch-size=4",
            "bazaar.orders.archival.older-than=1h",
            "bazaar.orders.archival.backoff=50ms"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.CASSANDRA, LocalServer.REDIS, LocalServer.KAFKA})
class ArchivalIntegrationTests {

    static final Duration OLD = Duration.ofDays(2);
    /** Past the default 7-day return window. */
    static final Duration PAST_RETURN_WINDOW = Duration.ofDays(8);

    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {

        @Bean
        @Primary
        FaultyDelete faultyDelete(JdbcClient jdbc, TransactionTemplate transaction) {
            return new FaultyDelete(jdbc, transaction);
        }

        @Bean
        @Primary
        FlakyArchive flakyArchive(ObjectProvider<CqlSession> sessions, ArchivalProperties properties) {
            return new FlakyArchive(sessions, properties);
        }
    }

    /** The archive, whose next writes fail, or whose reads fail, as a Cassandra timing out would, when a test asks. */
    static final class FlakyArchive extends OrderArchive {

        final AtomicInteger failNextWrites = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicBoolean readsFail = new AtomicBoolean();

        FlakyArchive(ObjectProvider<CqlSession> sessions, ArchivalProperties properties) {
            super(sessions, properties);
        }

        @Override
        void write(List<Archived> orders) {
            writes.incrementAndGet();
            if (failNextWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new DriverTimeoutException("Query timed out after PT2S (a test's)");
            }
            super.write(orders);
        }

        @Override
        public Optional<Archived> find(String orderId) {
            failIfAsked();
            return super.find(orderId);
        }

        @Override
        public List<Order> ofUser(String userId, Instant beforeCreatedAt, String beforeOrderId, int limit) {
            failIfAsked();
            return super.ofUser(userId, beforeCreatedAt, beforeOrderId, limit);
        }

        private void failIfAsked() {
            if (readsFail.get()) {
                throw new DriverTimeoutException("Query timed out after PT2S (a test's)");
            }
        }
    }

    /** A kill, as far as the run can tell. */
    static final class Killed extends Error {
        Killed() {
            super("killed between the Cassandra write and the MariaDB delete");
        }
    }

    /** The delete step, which dies before its next delete, or waits there, when a test asks. */
    static final class FaultyDelete extends ArchivableOrders {

        final AtomicBoolean dieBeforeNextDelete = new AtomicBoolean();
        final AtomicInteger waiting = new AtomicInteger();
        volatile CountDownLatch hold;

        FaultyDelete(JdbcClient jdbc, TransactionTemplate transaction) {
            super(jdbc, transaction);
        }

        @Override
        List<String> deleteIfUnchanged(List<Order> archived) {
            if (dieBeforeNextDelete.getAndSet(false)) {
                throw new Killed();
            }
            CountDownLatch wait = hold;
            if (wait != null) {
                waiting.incrementAndGet();
                try {
                    wait.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.deleteIfUnchanged(archived);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    Archival archival;

    @Autowired
    OrderArchive archive;

    @Autowired
    FaultyDelete faults;

    @Autowired
    FlakyArchive flaky;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CqlSession cassandra;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    @Test
    void oldTerminalOrdersMoveToCassandraEqualFieldByFieldAndLiveOrYoungOnesStay() {
        archival.run();
        String shopper = shopper();
        String cancelled = aged(make(shopper, CANCELLED), OLD);
        String returned = aged(make(shopper, RETURNED), OLD);
        String deliveredLongAgo = aged(make(shopper, DELIVERED), PAST_RETURN_WINDOW);
        String deliveredInWindow = aged(make(shopper, DELIVERED), OLD);
        String cancelledJustNow = make(shopper, CANCELLED);
        String placedLongAgo = aged(make(shopper, PLACED), PAST_RETURN_WINDOW);
        List<String> moving = List.of(cancelled, returned, deliveredLongAgo);
        Map<String, OrderArchive.Archived> before =
                Map.of(cancelled, live(cancelled), returned, live(returned), deliveredLongAgo, live(deliveredLongAgo));
        double movedBefore = meters.counter("bazaar.orders.archival.moved").count();

        Archival.Run run = archival.run();

        assertThat(run.ran()).isTrue();
        assertThat(run.moved()).isEqualTo(3);
        assertThat(run.failed()).isZero();
        assertThat(meters.counter("bazaar.orders.archival.moved").count()).isEqualTo(movedBefore + 3);
        for (String id : moving) {
            assertThat(orders.find(id)).as(id + " live").isEmpty();
            assertThat(rowsOf("order_line", id) + rowsOf("order_status_history", id))
                    .isZero();
            assertThat(archive.find(id)).as(id + " archived").contains(before.get(id));
        }
        assertThat(before.get(returned).history())
                .extracting(OrderHistory::note)
                .contains("too small");
        for (String id : List.of(deliveredInWindow, cancelledJustNow, placedLongAgo)) {
            assertThat(orders.find(id)).as(id + " live").isPresent();
            assertThat(archive.find(id)).as(id + " archived").isEmpty();
        }
        // The oldest terminal order left: delivered two days ago, inside its return window.
        assertThat(meters.get("bazaar.orders.archival.oldest.terminal.age")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(OLD.toSeconds() - 60.0);

        // The shopper and OPS read an archived order as a live one.
        JsonNode one = api().get("/api/orders/" + deliveredLongAgo, "Authorization", TestJwts.bearer(shopper))
                .json();
        Order archived = before.get(deliveredLongAgo).order();
        assertThat(one.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(one.path("total").path("minor").asLong())
                .isEqualTo(archived.total().minor());
        assertThat(one.path("lines").get(0).path("warehouseId").asString()).isEqualTo("WH-BOM");
        assertThat(one.path("createdAt").asString())
                .isEqualTo(archived.createdAt().toString());
        JsonNode ops = api().get("/api/ops/orders/" + returned, "Authorization", TestJwts.bearer("ops-1", "OPS"))
                .json();
        assertThat(ops.path("userId").asString()).isEqualTo(shopper);
        assertThat(ops.path("history").size())
                .isEqualTo(before.get(returned).history().size());
        assertThat(ops.path("history")
                        .get(ops.path("history").size() - 1)
                        .path("to")
                        .asString())
                .isEqualTo("RETURNED");
    }

    @Test
    void killedBetweenTheCassandraWriteAndTheMariaDbDeleteThenRerunEveryOrderIsInHistoryOnceAndNoneLive() {
        archival.run();
        String shopper = shopper();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(aged(make(shopper, CANCELLED), OLD));
        }

        faults.dieBeforeNextDelete.set(true);
        try {
            assertThatThrownBy(archival::run).isInstanceOf(Killed.class);
        } finally {
            faults.dieBeforeNextDelete.set(false);
        }

        // Died with the first batch (4 of 6) written and verified in Cassandra, all 6 still live.
        assertThat(ids).allSatisfy(id -> assertThat(orders.find(id)).isPresent());
        assertThat(ids.stream().filter(id -> archive.find(id).isPresent())).hasSize(4);
        assertThat(historyIds(shopper, 4)).containsExactlyInAnyOrderElementsOf(ids);

        Archival.Run rerun = archival.run();

        assertThat(rerun.moved()).isEqualTo(6);
        assertThat(ids).allSatisfy(id -> {
            assertThat(orders.find(id)).as(id + " live").isEmpty();
            assertThat(archive.find(id)).as(id + " archived").isPresent();
        });
        assertThat(archivedRowsOf(shopper)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(historyIds(shopper, 4)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void historyPagesAcrossBothStoresNewestFirstWithoutGapsOrRepeatsWhileArchivalMovesOrders() throws Exception {
        archival.run();
        String shopper = shopper();
        Instant base = Instant.parse("2026-11-01T10:00:00.000001Z");
        List<Order> all = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            OrderStatus status = i % 6 == 5 ? PLACED : i % 2 == 0 ? CANCELLED : RETURNED;
            String id = make(shopper, status);
            // Three orders share each instant: the order id breaks the tie, in both stores alike.
            jdbc.sql("UPDATE orders SET created_at = ? WHERE id = ?")
                    .params(Timestamp.from(base.plusSeconds(60L * (i / 3))), id)
                    .update();
            all.add(orders.find(id).orElseThrow());
            if (status != PLACED) {
                if (groups.isEmpty() || groups.get(groups.size() - 1).size() == 3) {
                    groups.add(new ArrayList<>());
                }
                groups.get(groups.size() - 1).add(id);
            }
        }
        List<String> newestFirst = all.stream()
                .sorted(Comparator.comparing(Order::createdAt)
                        .thenComparing(Order::orderId)
                        .reversed())
                .map(Order::orderId)
                .toList();
        // Some archived before the first page: both stores hold some from the start.
        aged(groups.get(0), OLD);
        assertThat(archival.run().moved()).isEqualTo(3);

        CountDownLatch paging = new CountDownLatch(1);
        AtomicInteger moved = new AtomicInteger(3);
        CompletableFuture<Void> archiving = CompletableFuture.runAsync(() -> {
            try {
                paging.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (List<String> group : groups.subList(1, groups.size())) {
                aged(group, OLD);
                moved.addAndGet(archival.run().moved());
            }
        });
        int traversals = 0;
        int traversalsDuringMoves = 0;
        boolean done;
        do {
            done = archiving.isDone();
            int movedBefore = moved.get();
            List<String> seen = historyIds(shopper, 5, paging);
            assertThat(seen).as("traversal " + traversals).containsExactlyElementsOf(newestFirst);
            traversals++;
            if (moved.get() != movedBefore) {
                traversalsDuringMoves++;
            }
        } while (!done);
        archiving.get(60, TimeUnit.SECONDS);

        assertThat(moved.get()).isEqualTo(30);
        assertThat(traversalsDuringMoves).as("traversals while orders moved").isPositive();
        assertThat(all)
                .allSatisfy(order ->
                        assertThat(orders.find(order.orderId()).isPresent()).isEqualTo(order.status() == PLACED));
    }

    @Test
    void aSecondRunWhileOneHoldsTheLockArchivesNothingAndOpsIsTold409() throws Exception {
        archival.run();
        String shopper = shopper();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(aged(make(shopper, CANCELLED), OLD));
        }
        faults.waiting.set(0);
        faults.hold = new CountDownLatch(1);
        CompletableFuture<Archival.Run> first = CompletableFuture.supplyAsync(archival::run);
        try {
            Awaitility.await("the first run at its delete")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> faults.waiting.get() > 0);

            Archival.Run second = archival.run();
            HttpTestClient.Response ops =
                    api().post("/api/ops/archival/runs", "", "Authorization", TestJwts.bearer("ops-1", "OPS"));

            assertThat(second.ran()).isFalse();
            assertThat(second.moved()).isZero();
            assertProblem(ops, 409, "archival-running");
        } finally {
            faults.hold.countDown();
            faults.hold = null;
        }
        Archival.Run firstRun = first.get(60, TimeUnit.SECONDS);
        assertThat(firstRun.moved()).isEqualTo(3);
        assertThat(archivedRowsOf(shopper)).containsExactlyInAnyOrderElementsOf(ids);

        HttpTestClient.Response afterwards =
                api().post("/api/ops/archival/runs", "", "Authorization", TestJwts.bearer("ops-1", "OPS"));
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
        assertThat(afterwards.json().path("moved").asInt()).isZero();
        assertThat(api().post("/api/ops/archival/runs", "", "Authorization", TestJwts.bearer(shopper))
                        .status())
                .isEqualTo(403);
    }

    /** Attempts 5, backoff 50 ms (doubling) here. */
    @Test
    void aCassandraWriteThatFailsIsRetriedAndABatchThatKeepsFailingStaysLiveAndCounted() {
        archival.run();
        String shopper = shopper();
        List<String> ids = List.of(aged(make(shopper, CANCELLED), OLD), aged(make(shopper, CANCELLED), OLD));
        double failedBefore = meters.counter("bazaar.orders.archival.failed").count();
        flaky.writes.set(0);

        flaky.failNextWrites.set(10);
        Archival.Run failing;
        try {
            failing = archival.run();
        } finally {
            flaky.failNextWrites.getAndSet(0);
        }

        assertThat(failing.moved()).isZero();
        assertThat(failing.failed()).isEqualTo(2);
        assertThat(meters.counter("bazaar.orders.archival.failed").count()).isEqualTo(failedBefore + 2);
        assertThat(ids).allSatisfy(id -> assertThat(orders.find(id)).isPresent());
        assertThat(flaky.writes.get()).as("5 attempts").isEqualTo(5);

        flaky.failNextWrites.set(2);
        flaky.writes.set(0);
        Archival.Run retried;
        try {
            retried = archival.run();
        } finally {
            flaky.failNextWrites.set(0);
        }

        assertThat(retried.moved()).isEqualTo(2);
        assertThat(retried.failed()).isZero();
        assertThat(flaky.writes.get())
                .as("two failed writes, then one that landed")
                .isEqualTo(3);
        assertThat(ids).allSatisfy(id -> {
            assertThat(orders.find(id)).isEmpty();
            assertThat(archive.find(id)).isPresent();
        });
    }

    /** A list without the archived orders would look complete and be wrong: 503 instead. */
    @Test
    void whenCassandraCannotBeReadTheHistoryIs503AndALiveOrderIsStillFound() {
        String shopper = shopper();
        String live = make(shopper, PLACED);
        String bearer = TestJwts.bearer(shopper);
        flaky.readsFail.set(true);
        try {
            assertProblem(api().get("/api/orders", "Authorization", bearer), 503, "history-unavailable");
            assertProblem(
                    api().get("/api/orders/" + UUID.randomUUID(), "Authorization", bearer), 503, "history-unavailable");
            assertThat(api().get("/api/orders/" + live, "Authorization", bearer).status())
                    .isEqualTo(200);
        } finally {
            flaky.readsFail.set(false);
        }
        assertThat(historyIds(shopper, 5)).containsExactly(live);
    }

    /** The delete is a compare-and-set: an order that moved after it was archived stays live, as it now is. */
    @Test
    void anOrderThatMovesBetweenItsArchivingAndItsDeleteStaysLiveAndIsArchivedAgainNextRun() throws Exception {
        archival.run();
        String shopper = shopper();
        String delivered = aged(make(shopper, DELIVERED), PAST_RETURN_WINDOW);
        faults.waiting.set(0);
        faults.hold = new CountDownLatch(1);
        CompletableFuture<Archival.Run> run = CompletableFuture.supplyAsync(archival::run);
        try {
            Awaitility.await("the run at its delete")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> faults.waiting.get() > 0);
            assertThat(orders.transition(delivered, DELIVERED, RETURNED, "returned-by-customer"))
                    .isTrue();
        } finally {
            faults.hold.countDown();
            faults.hold = null;
        }

        assertThat(run.get(60, TimeUnit.SECONDS).moved()).isZero();
        assertThat(orders.find(delivered).orElseThrow().status()).isEqualTo(RETURNED);
        assertThat(historyIds(shopper, 5)).containsExactly(delivered);

        aged(delivered, OLD);
        OrderArchive.Archived returned = live(delivered);
        assertThat(archival.run().moved()).isEqualTo(1);
        assertThat(orders.find(delivered)).isEmpty();
        assertThat(archive.find(delivered)).contains(returned);
    }

    @Test
    void aMalformedCursorIs400AndAnUnknownOrAnotherShoppersOrderIs404() {
        archival.run();
        String shopper = shopper();
        String archived = aged(make(shopper, CANCELLED), OLD);
        archival.run();
        String bearer = TestJwts.bearer(shopper);

        for (String cursor : List.of(
                "not-a-cursor!",
                encode("v2|2026-11-01T10:00:00Z|" + archived),
                encode("v1|yesterday|" + archived),
                encode("v1|2026-11-01T10:00:00Z"))) {
            assertProblem(api().get("/api/orders?cursor=" + cursor, "Authorization", bearer), 400, "invalid-cursor");
        }
        assertProblem(api().get("/api/orders?size=0", "Authorization", bearer), 400, null);
        String unknown = UUID.randomUUID().toString();
        assertProblem(api().get("/api/orders/" + unknown, "Authorization", bearer), 404, "not-found");
        assertProblem(
                api().get("/api/ops/orders/" + unknown, "Authorization", TestJwts.bearer("ops-1", "OPS")),
                404,
                "not-found");
        assertThat(api().get("/api/orders/" + archived, "Authorization", bearer).status())
                .isEqualTo(200);
        assertProblem(
                api().get("/api/orders/" + archived, "Authorization", TestJwts.bearer(shopper())), 404, "not-found");
        ApiDocument.fetch(port).assertOperations("GET /api/orders", "POST /api/ops/archival/runs");
    }

    // --- helpers

    HttpTestClient api() {
        return HttpTestClient.local(port);
    }

    static String shopper() {
        return "shopper-" + UUID.randomUUID();
    }

    static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** An order of two lines moved through the lifecycle to {@code status} (legal moves only). */
    String make(String userId, OrderStatus status) {
        String id = UUID.randomUUID().toString();
        String lamp = UUID.randomUUID().toString();
        String bulb = UUID.randomUUID().toString();
        Order created = orders.create(new Orders.NewOrder(
                id,
                userId,
                "address-1",
                "400001",
                "UPI",
                Money.inr(2 * 1_499 + 250),
                List.of(
                        new Order.Line(lamp, "Lamp", 2, Money.inr(1_499), null, "supplier-a"),
                        new Order.Line(bulb, "Bulb", 1, Money.inr(250), null, null))));
        if (status == CANCELLED) {
            orders.transition(id, CREATED, CANCELLED, "cancelled-by-customer");
            return id;
        }
        orders.awaitPayment(
                created,
                Map.of(lamp, "WH-BOM", bulb, "WH-DEL"),
                "payment-" + id,
                "https://psp.example/pay/" + id,
                Instant.now().plusSeconds(600));
        List<OrderStatus> path = List.of(PAYMENT_PENDING, PLACED, PACKED, SHIPPED, DELIVERED);
        for (int i = 1; i < path.size() && path.get(i - 1) != status; i++) {
            orders.transition(id, path.get(i - 1), path.get(i), null);
        }
        if (status == RETURNED) {
            orders.transition(id, DELIVERED, RETURNED, "returned-by-customer", "too small");
        }
        assertThat(orders.find(id).orElseThrow().status()).isEqualTo(status);
        return id;
    }

    /** Its last change {@code age} ago, as if it had been made then. */
    String aged(String orderId, Duration age) {
        aged(List.of(orderId), age);
        return orderId;
    }

    void aged(List<String> orderIds, Duration age) {
        jdbc.sql("UPDATE orders SET updated_at = updated_at - INTERVAL :seconds SECOND WHERE id IN (:ids)")
                .param("seconds", age.toSeconds())
                .param("ids", orderIds)
                .update();
    }

    OrderArchive.Archived live(String orderId) {
        return new OrderArchive.Archived(orders.find(orderId).orElseThrow(), orders.history(orderId));
    }

    int rowsOf(String table, String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE order_id = ?")
                .param(orderId)
                .query(Integer.class)
                .single();
    }

    /** The order ids of the shopper's rows in {@code orders_by_user}, one per row. */
    List<String> archivedRowsOf(String userId) {
        return cassandra
                .execute("SELECT order_id FROM " + names.keyspace() + ".orders_by_user WHERE user_id = ?", userId)
                .all()
                .stream()
                .map((Row row) -> row.getString("order_id"))
                .toList();
    }

    List<String> historyIds(String userId, int size) {
        return historyIds(userId, size, new CountDownLatch(0));
    }

    /** Every page of {@code GET /api/orders} from the first, the ids in the order given; counts down after page 1. */
    List<String> historyIds(String userId, int size, CountDownLatch firstPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpTestClient.Response page = api().get(
                            "/api/orders?size=" + size + (cursor == null ? "" : "&cursor=" + cursor),
                            "Authorization",
                            TestJwts.bearer(userId));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.path("orders").size()).isLessThanOrEqualTo(size);
            body.path("orders").forEach(order -> ids.add(order.path("orderId").asString()));
            cursor = body.path("nextCursor").isNull()
                    ? null
                    : body.path("nextCursor").asString();
            firstPage.countDown();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (cursor != null);
        return ids;
    }
}
