package dev.bazaar.order.archival;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The archived orders in Cassandra (keyspace {@code bazaar.orders.archival.keyspace}, {@code order_history}),
 * with explicit CQL and prepared statements, in two tables shaped for the two reads:
 * <ul>
 *   <li>{@code orders_by_user}: a shopper's orders newest first (partition {@code user_id}, clustering
 *       {@code created_at DESC, order_id DESC}, the order MariaDB's {@code GET /api/orders} sorts by), each
 *       with its lines, so a page is one query;</li>
 *   <li>{@code orders_by_id}: one order by id, with its lines and its status history (OPS's read).</li>
 * </ul>
 * Every instant is stored as microseconds since the epoch ({@code bigint}): MariaDB keeps microseconds and a
 * CQL {@code timestamp} milliseconds, and an order must sort (and compare, when verified) the same in both
 * stores, or a cursor over both would skip or repeat it as it moves. Writes are upserts by primary key, so
 * writing an order again (a rerun after a crash) changes nothing.
 *
 * <p>The session is opened, and the keyspace, types and tables created if missing, at the first use: order
 * taking never waits for Cassandra, and a Cassandra that is down fails only archival (retried) and the
 * reads of history.
 */
@Component
public class OrderArchive {

    /** An archived order with its status history. */
    public record Archived(Order order, List<OrderHistory> history) {}

    private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

    static final String ORDER_COLUMNS = "order_id, user_id, status, version, reason, address_id, pincode, "
            + "payment_method, total_minor, currency, payment_id, payment_redirect_url, payment_due_at, created_at, "
            + "updated_at, lines";

    private final ObjectProvider<CqlSession> sessions;
    private final ArchivalProperties properties;
    private volatile Statements statements;

    OrderArchive(ObjectProvider<CqlSession> sessions, ArchivalProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    /**
     * Writes each order to both tables, at most {@code bazaar.orders.archival.concurrency} statements in
     * flight; returns when all are acknowledged, or throws the first failure (the caller writes them again).
     */
    void write(List<Archived> orders) {
        Statements cql = statements();
        List<BoundStatement> writes = new ArrayList<>(orders.size() * 2);
        for (Archived archived : orders) {
            writes.add(cql.bindByUser(archived.order()));
            writes.add(cql.bindById(archived));
        }
        cql.all(writes, rows -> null);
    }

    /** Each order as {@code orders_by_id} holds it, in the order asked (empty where it holds none). */
    List<Optional<Archived>> readById(List<String> orderIds) {
        Statements cql = statements();
        return cql.all(
                orderIds.stream().map(id -> cql.byId.bind(id)).toList(),
                rows -> Optional.ofNullable(rows.one()).map(cql::archived));
    }

    /** Each order as {@code orders_by_user} holds it under its key (user, created_at, id), in the order asked. */
    List<Optional<Order>> readByUser(List<Order> orders) {
        Statements cql = statements();
        return cql.all(
                orders.stream()
                        .map(order -> cql.byUserKey.bind(order.userId(), micros(order.createdAt()), order.orderId()))
                        .toList(),
                rows -> Optional.ofNullable(rows.one()).map(cql::order));
    }

    /** One archived order with its status history. */
    public Optional<Archived> find(String orderId) {
        return readById(List.of(orderId)).get(0);
    }

    /**
     * A shopper's archived orders newest first (created_at DESC, order id DESC), those strictly after the key
     * ({@code beforeCreatedAt}, {@code beforeOrderId}) in that order, or from the newest when it is null.
     */
    public List<Order> ofUser(String userId, Instant beforeCreatedAt, String beforeOrderId, int limit) {
        Statements cql = statements();
        BoundStatement page = beforeCreatedAt == null
                ? cql.newestOfUser.bind(userId, limit)
                : cql.olderOfUser.bind(userId, micros(beforeCreatedAt), beforeOrderId, limit);
        List<Order> orders = new ArrayList<>();
        for (Row row : cql.session.execute(page)) {
            orders.add(cql.order(row));
        }
        return orders;
    }

    private Statements statements() {
        Statements ready = statements;
        if (ready == null) {
            synchronized (this) {
                ready = statements;
                if (ready == null) {
                    ready = new Statements(sessions.getObject(), properties);
                    statements = ready;
                }
            }
        }
        return ready;
    }

    /** The keyspace, the line and status-change types and both tables, each created only if missing. */
    static List<String> schema(String ks, String replication) {
        String order = """
                user_id text, created_at bigint, order_id text, status text, version int, reason text,
                address_id text, pincode text, payment_method text, total_minor bigint, currency text,
                payment_id text, payment_redirect_url text, payment_due_at bigint, updated_at bigint,
                lines frozen<list<frozen<order_line>>>""";
        return List.of(
                "CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + replication,
                "CREATE TYPE IF NOT EXISTS " + ks + ".order_line (item_id text, title text, quantity int, "
                        + "unit_price_minor bigint, currency text, warehouse_id text, supplier_id text)",
                "CREATE TYPE IF NOT EXISTS " + ks + ".status_change (from_status text, to_status text, "
                        + "reason text, changed_at bigint, note text)",
                "CREATE TABLE IF NOT EXISTS " + ks + ".orders_by_user (" + order
                        + ", PRIMARY KEY ((user_id), created_at, order_id))"
                        + " WITH CLUSTERING ORDER BY (created_at DESC, order_id DESC)",
                "CREATE TABLE IF NOT EXISTS " + ks + ".orders_by_id (" + order
                        + ", history frozen<list<frozen<status_change>>>, PRIMARY KEY (order_id))");
    }

    /**
     * Binds the values, leaving the null ones unset: a null bound in an INSERT writes a tombstone, and an
     * archive of millions of orders with a few null columns each (no reason, no payment) would make every read
     * of a shopper's partition wade through them. A column that was set and is now null cannot happen here
     * (no order column goes back to null), and the read back would catch it.
     */
    static BoundStatement bindUnlessNull(PreparedStatement statement, List<Object> values) {
        BoundStatement bound = statement.bind(values.toArray());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                bound = bound.unset(i);
            }
        }
        return bound;
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The schema, created if missing, and the prepared statements on it. */
    private static final class Statements {

        final CqlSession session;
        final Semaphore inFlight;
        final PreparedStatement insertByUser;
        final PreparedStatement insertById;
        final PreparedStatement byId;
        final PreparedStatement byUserKey;
        final PreparedStatement newestOfUser;
        final PreparedStatement olderOfUser;
        final UserDefinedType lineType;
        final UserDefinedType changeType;

        Statements(CqlSession session, ArchivalProperties properties) {
            this.session = session;
            this.inFlight = new Semaphore(properties.concurrency());
            String ks = properties.keyspace();
            // A schema change waits for every node to agree: seconds on a busy machine, past the driver's 2 s.
            schema(ks, properties.replication())
                    .forEach(cql ->
                            session.execute(SimpleStatement.newInstance(cql).setTimeout(SCHEMA_TIMEOUT)));
            String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
            insertByUser = session.prepare(
                    "INSERT INTO " + ks + ".orders_by_user (" + ORDER_COLUMNS + ") VALUES (" + values + ")");
            insertById = session.prepare(
                    "INSERT INTO " + ks + ".orders_by_id (" + ORDER_COLUMNS + ", history) VALUES (" + values + ", ?)");
            byId = session.prepare(
                    "SELECT " + ORDER_COLUMNS + ", history FROM " + ks + ".orders_by_id WHERE order_id = ?");
            byUserKey = session.prepare("SELECT " + ORDER_COLUMNS + " FROM " + ks
                    + ".orders_by_user WHERE user_id = ? AND created_at = ? AND order_id = ?");
            newestOfUser = session.prepare(
                    "SELECT " + ORDER_COLUMNS + " FROM " + ks + ".orders_by_user WHERE user_id = ? LIMIT ?");
            olderOfUser = session.prepare("SELECT " + ORDER_COLUMNS + " FROM " + ks
                    + ".orders_by_user WHERE user_id = ? AND (created_at, order_id) < (?, ?) LIMIT ?");
            lineType = (UserDefinedType)
                    ((ListType) insertById.getVariableDefinitions().get("lines").getType()).getElementType();
            changeType = (UserDefinedType) ((ListType)
                            insertById.getVariableDefinitions().get("history").getType())
                    .getElementType();
        }

        /** Runs every statement, at most the configured number at once; the mapped results in order. */
        <T> List<T> all(List<BoundStatement> statements, Function<AsyncResultSet, T> mapper) {
            List<CompletableFuture<T>> results = new ArrayList<>(statements.size());
            for (BoundStatement statement : statements) {
                inFlight.acquireUninterruptibly();
                results.add(session.executeAsync(statement
                                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                                .setIdempotent(true))
                        .thenApply(mapper)
                        .toCompletableFuture()
                        .whenComplete((result, failure) -> inFlight.release()));
            }
            try {
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                        .join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
            return results.stream().map(CompletableFuture::join).toList();
        }

        BoundStatement bindByUser(Order order) {
            return bindUnlessNull(insertByUser, orderValues(order));
        }

        BoundStatement bindById(Archived archived) {
            List<Object> values = orderValues(archived.order());
            values.add(archived.history().stream()
                    .map(change -> changeType
                            .newValue()
                            .setString(
                                    "from_status",
                                    change.from() == null ? null : change.from().name())
                            .setString("to_status", change.to().name())
                            .setString("reason", change.reason())
                            .setLong("changed_at", micros(change.changedAt()))
                            .setString("note", change.note()))
                    .toList());
            return bindUnlessNull(insertById, values);
        }

        private List<Object> orderValues(Order order) {
            List<Object> values = new ArrayList<>(17);
            values.add(order.orderId());
            values.add(order.userId());
            values.add(order.status().name());
            values.add(order.version());
            values.add(order.reason());
            values.add(order.addressId());
            values.add(order.pincode());
            values.add(order.paymentMethod());
            values.add(order.total().minor());
            values.add(order.total().currency());
            values.add(order.paymentId());
            values.add(order.paymentRedirectUrl());
            values.add(order.paymentDueAt() == null ? null : micros(order.paymentDueAt()));
            values.add(micros(order.createdAt()));
            values.add(micros(order.updatedAt()));
            values.add(order.lines().stream()
                    .map(line -> lineType.newValue()
                            .setString("item_id", line.itemId())
                            .setString("title", line.title())
                            .setInt("quantity", line.quantity())
                            .setLong("unit_price_minor", line.unitPrice().minor())
                            .setString("currency", line.unitPrice().currency())
                            .setString("warehouse_id", line.warehouseId())
                            .setString("supplier_id", line.supplierId()))
                    .toList());
            return values;
        }

        Archived archived(Row row) {
            List<OrderHistory> history = row.getList("history", UdtValue.class).stream()
                    .map(change -> new OrderHistory(
                            change.isNull("from_status") ? null : OrderStatus.valueOf(change.getString("from_status")),
                            OrderStatus.valueOf(change.getString("to_status")),
                            change.getString("reason"),
                            instant(change.getLong("changed_at")),
                            change.getString("note")))
                    .toList();
            return new Archived(order(row), history);
        }

        Order order(Row row) {
            return new Order(
                    row.getString("order_id"),
                    row.getString("user_id"),
                    OrderStatus.valueOf(row.getString("status")),
                    row.getInt("version"),
                    row.getString("reason"),
                    row.getString("address_id"),
                    row.getString("pincode"),
                    row.getString("payment_method"),
                    new Money(row.getLong("total_minor"), row.getString("currency")),
                    row.getString("payment_id"),
                    row.getString("payment_redirect_url"),
                    row.isNull("payment_due_at") ? null : instant(row.getLong("payment_due_at")),
                    instant(row.getLong("created_at")),
                    instant(row.getLong("updated_at")),
                    row.getList("lines", UdtValue.class).stream()
                            .map(line -> new Order.Line(
                                    line.getString("item_id"),
                                    line.getString("title"),
                                    line.getInt("quantity"),
                                    new Money(line.getLong("unit_price_minor"), line.getString("currency")),
                                    line.getString("warehouse_id"),
                                    line.getString("supplier_id")))
                            .toList());
        }
    }
}
