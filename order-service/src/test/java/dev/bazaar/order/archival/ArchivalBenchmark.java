package dev.bazaar.order.archival;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.bazaar.order.OrderServiceApplication;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.testing.CassandraKeyspaces;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./bazaar bench archival}: how fast archival moves terminal orders from MariaDB to Cassandra, beside
 * a raw Cassandra write of the same rows in the same run.
 *
 * <p>order-service runs in this JVM (a flight recording of this JVM profiles archival) on a database and a
 * keyspace of its own per run. {@code --orders} (20,000) terminal orders (CANCELLED, DELIVERED, RETURNED in
 * turn; 2 or 3 lines; 3 to 6 status-history rows; 2,000 shoppers; last changed 30 days ago) are inserted in
 * SQL, plus {@code --warmup} (2,000) more that are moved first, untimed, with a raw write of them, so both
 * sides run compiled code. Then, timed:
 * <ol>
 *   <li>raw: the same CQL inserts into both tables (another keyspace, same schema), with prepared statements
 *       and as many in flight as archival uses ({@code bazaar.orders.archival.concurrency}, 64), of the
 *       orders already read into memory: the Cassandra writes alone;</li>
 *   <li>archival: {@link Archival#run} until none is left: read from MariaDB, write, read back and compare,
 *       delete (in batches of {@code bazaar.orders.archival.batch-size}, 500);</li>
 *   <li>raw again (the raw tables truncated first), so both sides see the same machine; its figure is the
 *       mean of the two raw passes.</li>
 * </ol>
 * Printed: orders/s of each, the ratio (target >= 0.3x raw), and the checks: no bench order left in MariaDB,
 * every one in {@code orders_by_id} and {@code orders_by_user}. A failed check exits 1.
 *
 * <p>Run: {@code ./bazaar bench archival [--orders=20000] [--warmup=2000]}, or from the test classpath
 * ({@code bench_in_service}): {@code java -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) dev.bazaar.order.archival.ArchivalBenchmark}. Needs MariaDB, Cassandra, Redis and
 * Kafka ({@code ./bazaar infra up}).
 */
public final class ArchivalBenchmark {

    private static final List<String> STATUSES = List.of("CANCELLED", "DELIVERED", "RETURNED");

    public static void main(String[] args) throws Exception {
        System.exit(measure(args) ? 0 : 1);
    }

    static boolean measure(String[] args) throws Exception {
        int count = intArg(args, "orders", 20_000);
        int warmup = intArg(args, "warmup", 2_000);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        IsolatedNames names = IsolatedNames.forTestClass(ArchivalBenchmark.class);
        String rawKeyspace = names.keyspace() + "_raw";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderServiceApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.cassandra.contact-points=" + LocalServer.CASSANDRA.address(),
                        "--spring.cassandra.local-datacenter=" + CassandraKeyspaces.LOCAL_DATACENTER,
                        "--spring.cassandra.request.timeout=30s",
                        "--bazaar.orders.archival.keyspace=" + names.keyspace(),
                        // The schedule stays out of the way; the benchmark starts the runs.
                        "--bazaar.orders.archival.interval=1d",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=",
                        "--management.tracing.sampling.probability=0.0")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Orders orders = app.getBean(Orders.class);
            Archival archival = app.getBean(Archival.class);
            ArchivalProperties properties = app.getBean(ArchivalProperties.class);
            CqlSession cassandra = app.getBean(CqlSession.class);
            System.out.printf(
                    "archival benchmark: %,d terminal orders (+%,d warm-up) in MariaDB %s, keyspace %s; batch %d, "
                            + "%d Cassandra statements in flight%n",
                    count,
                    warmup,
                    names.database(),
                    names.keyspace(),
                    properties.batchSize(),
                    properties.concurrency());

            RawWriter raw = new RawWriter(cassandra, rawKeyspace, properties);
            List<OrderArchive.Archived> warm = insert(jdbc, orders, warmup);
            raw.write(warm);
            archival.run();

            List<OrderArchive.Archived> measured = insert(jdbc, orders, count);
            double raw1 = raw.timed(measured);
            long started = System.nanoTime();
            int moved = 0;
            Archival.Run run;
            do {
                run = archival.run();
                moved += run.moved();
            } while (run.moved() > 0 && moved < count);
            double archivalSeconds = (System.nanoTime() - started) / 1e9;
            raw.truncate();
            double raw2 = raw.timed(measured);

            double archivalRate = moved / archivalSeconds;
            double rawRate = (count / raw1 + count / raw2) / 2;
            System.out.printf(
                    "raw Cassandra writes (both tables):  %,.0f orders/s (passes %.2f s and %.2f s)%n",
                    rawRate, raw1, raw2);
            System.out.printf(
                    "archival (read, write, verify, delete): %,.0f orders/s (%,d moved in %.2f s, %d failed)%n",
                    archivalRate, moved, archivalSeconds, run.failed());
            double ratio = archivalRate / rawRate;
            System.out.printf("ratio: %.2fx raw (target >= 0.3x: %s)%n", ratio, ratio >= 0.3 ? "met" : "not met");

            boolean passed = checks(jdbc, cassandra, names.keyspace(), count + warmup, moved, count);
            // Nothing of the run is kept: its keyspaces go now, its database once the service has stopped.
            cassandra.execute("DROP KEYSPACE IF EXISTS " + rawKeyspace);
            cassandra.execute("DROP KEYSPACE IF EXISTS " + names.keyspace());
            return passed;
        } finally {
            try (Connection mariadb = DriverManager.getConnection(
                            "jdbc:mariadb://" + LocalServer.MARIADB.address() + "/", "root", "");
                    Statement drop = mariadb.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + names.database());
            }
        }
    }

    /** No order left live; each (warm-up included) in both archive tables. */
    private static boolean checks(
            JdbcClient jdbc, CqlSession cassandra, String keyspace, int all, int moved, int count) {
        long live = jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
        long byId = cassandra
                .execute("SELECT COUNT(*) FROM " + keyspace + ".orders_by_id")
                .one()
                .getLong(0);
        long byUser = cassandra
                .execute("SELECT COUNT(*) FROM " + keyspace + ".orders_by_user")
                .one()
                .getLong(0);
        boolean ok = live == 0 && moved == count && byId == all && byUser == all;
        System.out.printf(
                "checks: %d orders left in MariaDB, %,d moved of %,d, orders_by_id %,d rows, orders_by_user %,d rows "
                        + "(warm-up included): %s%n",
                live, moved, count, byId, byUser, ok ? "passed" : "FAILED");
        return ok;
    }

    /**
     * Inserts {@code count} terminal orders, 500 per statement, last changed 30 days ago (past any return
     * window), and answers them as archival will read them.
     */
    static List<OrderArchive.Archived> insert(JdbcClient jdbc, Orders orders, int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += 500) {
            int n = Math.min(500, count - from);
            StringBuilder orderRows = new StringBuilder();
            StringBuilder lineRows = new StringBuilder();
            StringBuilder historyRows = new StringBuilder();
            List<Object> orderParams = new ArrayList<>();
            List<Object> lineParams = new ArrayList<>();
            List<Object> historyParams = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                String status = STATUSES.get((from + i) % STATUSES.size());
                Instant created = now.minus(Duration.ofMinutes(40L * 24 * 60 + random.nextInt(20 * 24 * 60)))
                        .plusNanos(random.nextInt(1_000_000) * 1_000L);
                Instant changed = now.minus(Duration.ofDays(30));
                int lines = 2 + random.nextInt(2);
                long total = 0;
                for (int line = 1; line <= lines; line++) {
                    long price = 10_000 + random.nextInt(90_000);
                    int quantity = 1 + random.nextInt(3);
                    total += price * quantity;
                    lineRows.append(lineRows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'INR', ?, ?)");
                    lineParams.addAll(Arrays.asList(
                            id,
                            line,
                            UUID.randomUUID().toString(),
                            "Benchmark item " + line + " of order " + id.substring(0, 8),
                            quantity,
                            price,
                            "WH-" + random.nextInt(20),
                            "supplier-" + random.nextInt(50)));
                }
                orderRows
                        .append(orderRows.isEmpty() ? "" : ", ")
                        .append("(?, ?, ?, ?, ?, 'address-1', '400001', 'UPI', ?, 'INR', ?, ?, ?, ?, ?)");
                orderParams.addAll(Arrays.asList(
                        id,
                        "bench-shopper-" + random.nextInt(2_000),
                        status,
                        status.equals("CANCELLED") ? 2 : status.equals("DELIVERED") ? 5 : 6,
                        status.equals("CANCELLED") ? "cancelled-by-customer" : null,
                        total,
                        status.equals("CANCELLED") ? null : "pay-" + id,
                        status.equals("CANCELLED") ? null : "https://psp.example/pay/" + id,
                        Timestamp.from(created.plusSeconds(600)),
                        Timestamp.from(created),
                        Timestamp.from(changed)));
                List<String> path = switch (status) {
                    case "CANCELLED" -> List.of("CREATED", "CANCELLED");
                    case "DELIVERED" ->
                        List.of("CREATED", "PAYMENT_PENDING", "PLACED", "PACKED", "SHIPPED", "DELIVERED");
                    default ->
                        List.of("CREATED", "PAYMENT_PENDING", "PLACED", "PACKED", "SHIPPED", "DELIVERED", "RETURNED");
                };
                for (int step = 0; step < path.size(); step++) {
                    historyRows.append(historyRows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
                    historyParams.addAll(Arrays.asList(
                            id,
                            step == 0 ? null : path.get(step - 1),
                            path.get(step),
                            step == path.size() - 1 && status.equals("CANCELLED") ? "cancelled-by-customer" : null,
                            Timestamp.from(created.plusSeconds(3_600L * step))));
                }
            }
            jdbc.sql("""
                            INSERT INTO orders (id, user_id, status, version, reason, address_id, pincode,
                                                payment_method, total_minor, currency, payment_id,
                                                payment_redirect_url, payment_due_at, created_at, updated_at)
                            VALUES """ + orderRows).params(orderParams).update();
            jdbc.sql("""
                            INSERT INTO order_line (order_id, line_no, item_id, title, quantity, unit_price_minor,
                                                    currency, warehouse_id, supplier_id)
                            VALUES """ + lineRows).params(lineParams).update();
            jdbc.sql("""
                            INSERT INTO order_status_history (order_id, from_status, to_status, reason, changed_at)
                            VALUES """ + historyRows).params(historyParams).update();
        }
        List<OrderArchive.Archived> archived = new ArrayList<>(count);
        for (int from = 0; from < count; from += 500) {
            List<String> chunk = ids.subList(from, Math.min(count, from + 500));
            Map<String, List<OrderHistory>> histories = orders.historiesOf(chunk);
            for (Order order : orders.findAll(chunk)) {
                archived.add(new OrderArchive.Archived(order, histories.get(order.orderId())));
            }
        }
        return archived;
    }

    /**
     * The baseline: the archive's CQL inserts on the driver alone (the same schema in another keyspace,
     * prepared statements, the same number in flight), of orders already in memory.
     */
    static final class RawWriter {

        private final CqlSession session;
        private final String keyspace;
        private final Semaphore inFlight;
        private final PreparedStatement byUser;
        private final PreparedStatement byId;
        private final UserDefinedType lineType;
        private final UserDefinedType changeType;

        RawWriter(CqlSession session, String keyspace, ArchivalProperties properties) {
            this.session = session;
            this.keyspace = keyspace;
            this.inFlight = new Semaphore(properties.concurrency());
            OrderArchive.schema(keyspace, properties.replication()).forEach(session::execute);
            String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
            byUser = session.prepare("INSERT INTO " + keyspace + ".orders_by_user (" + OrderArchive.ORDER_COLUMNS
                    + ") VALUES (" + values + ")");
            byId = session.prepare("INSERT INTO " + keyspace + ".orders_by_id (" + OrderArchive.ORDER_COLUMNS
                    + ", history) VALUES (" + values + ", ?)");
            lineType = (UserDefinedType)
                    ((ListType) byId.getVariableDefinitions().get("lines").getType()).getElementType();
            changeType = (UserDefinedType)
                    ((ListType) byId.getVariableDefinitions().get("history").getType()).getElementType();
        }

        /** Seconds to write them all. */
        double timed(List<OrderArchive.Archived> orders) {
            long started = System.nanoTime();
            write(orders);
            return (System.nanoTime() - started) / 1e9;
        }

        void truncate() {
            session.execute("TRUNCATE " + keyspace + ".orders_by_user");
            session.execute("TRUNCATE " + keyspace + ".orders_by_id");
        }

        void write(List<OrderArchive.Archived> orders) {
            List<CompletableFuture<?>> writes = new ArrayList<>(orders.size() * 2);
            for (OrderArchive.Archived archived : orders) {
                List<Object> values = values(archived.order());
                writes.add(send(OrderArchive.bindUnlessNull(byUser, values)));
                values.add(archived.history().stream()
                        .map(change -> changeType
                                .newValue()
                                .setString(
                                        "from_status",
                                        change.from() == null
                                                ? null
                                                : change.from().name())
                                .setString("to_status", change.to().name())
                                .setString("reason", change.reason())
                                .setLong("changed_at", OrderArchive.micros(change.changedAt()))
                                .setString("note", change.note()))
                        .toList());
                writes.add(send(OrderArchive.bindUnlessNull(byId, values)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }

        private CompletableFuture<?> send(BoundStatement statement) {
            inFlight.acquireUninterruptibly();
            return session.executeAsync(statement
                            .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                            .setIdempotent(true))
                    .toCompletableFuture()
                    .whenComplete((rows, failure) -> inFlight.release());
        }

        private List<Object> values(Order order) {
            List<UdtValue> lines = order.lines().stream()
                    .map(line -> lineType.newValue()
                            .setString("item_id", line.itemId())
                            .setString("title", line.title())
                            .setInt("quantity", line.quantity())
                            .setLong("unit_price_minor", line.unitPrice().minor())
                            .setString("currency", line.unitPrice().currency())
                            .setString("warehouse_id", line.warehouseId())
                            .setString("supplier_id", line.supplierId()))
                    .toList();
            return new ArrayList<>(Arrays.asList(
                    order.orderId(),
                    order.userId(),
                    order.status().name(),
                    order.version(),
                    order.reason(),
                    order.addressId(),
                    order.pincode(),
                    order.paymentMethod(),
                    order.total().minor(),
                    order.total().currency(),
                    order.paymentId(),
                    order.paymentRedirectUrl(),
                    order.paymentDueAt() == null ? null : OrderArchive.micros(order.paymentDueAt()),
                    OrderArchive.micros(order.createdAt()),
                    OrderArchive.micros(order.updatedAt()),
                    lines));
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
