package dev.bazaar.order.lifecycle;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.starter.problem.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders in MariaDB, with explicit SQL. Every change of status is a compare-and-set
 * ({@code UPDATE orders SET status = ?, version = version + 1 WHERE id = ? AND status = ?}) with its
 * {@code order_status_history} row and its {@link OrderStatusChanged} (the whole order) in the outbox, all
 * in one transaction: a move that lost a race changes nothing and publishes nothing, and a move
 * {@link OrderTransitions} does not allow is refused before the database is touched.
 */
@Service
public class Orders {

    /** A new order, priced: its lines carry no warehouse yet. */
    public record NewOrder(
            String orderId,
            String userId,
            String addressId,
            String pincode,
            String paymentMethod,
            Money total,
            List<Order.Line> lines) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    Orders(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Stores the order CREATED with its lines, its first history row and its event, in one transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when an order with this id exists
     */
    public Order create(NewOrder order) {
        return transaction.execute(status -> {
            // RETURNING: the row as stored (the database's clock, defaults), without reading it back.
            Order created = jdbc.sql("""
                            INSERT INTO orders (id, user_id, status, address_id, pincode, payment_method,
                                                total_minor, currency)
                            VALUES (?, ?, 'CREATED', ?, ?, ?, ?, ?)
                            RETURNING *""")
                    .params(
                            order.orderId(),
                            order.userId(),
                            order.addressId(),
                            order.pincode(),
                            order.paymentMethod(),
                            order.total().minor(),
                            order.total().currency())
                    .query((row, n) -> order(row, order.lines()))
                    .single();
            int lineNo = 0;
            for (Order.Line line : order.lines()) {
                jdbc.sql("""
                                INSERT INTO order_line (order_id, line_no, item_id, title, quantity, unit_price_minor,
                                                        currency, supplier_id)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                order.orderId(),
                                ++lineNo,
                                line.itemId(),
                                line.title(),
                                line.quantity(),
                                line.unitPrice().minor(),
                                line.unitPrice().currency(),
                                line.supplierId())
                        .update();
            }
            recordAndPublish(created, null, null);
            return created;
        });
    }

    /**
     * Stock reserved and the payment created: moves CREATED -> PAYMENT_PENDING with the payment (one
     * compare-and-set) and records the warehouse of each line, in one transaction. Returns the order as it now
     * is; empty (nothing changed) when it was no longer CREATED.
     *
     * @param created the order as {@link #create} stored it (its lines are not read back)
     */
    public Optional<Order> awaitPayment(
            Order created,
            Map<String, String> warehouseByItem,
            String paymentId,
            String redirectUrl,
            Instant paymentDueAt) {
        String orderId = created.orderId();
        requireAllowed(orderId, OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING);
        return transaction.execute(status -> {
            int moved = jdbc.sql("""
                            UPDATE orders SET status = 'PAYMENT_PENDING', version = version + 1, payment_id = ?,
                                              payment_redirect_url = ?, payment_due_at = ?,
                                              updated_at = CURRENT_TIMESTAMP(6)
                            WHERE id = ? AND status = 'CREATED'""")
                    .params(paymentId, redirectUrl, Timestamp.from(paymentDueAt), orderId)
                    .update();
            if (moved == 0) {
                return Optional.<Order>empty();
            }
            warehouseByItem.forEach((itemId, warehouseId) -> jdbc.sql(
                            "UPDATE order_line SET warehouse_id = ? WHERE order_id = ? AND item_id = ?")
                    .params(warehouseId, orderId, itemId)
                    .update());
            List<Order.Line> lines = created.lines().stream()
                    .map(line -> new Order.Line(
                            line.itemId(),
                            line.title(),
                            line.quantity(),
                            line.unitPrice(),
                            warehouseByItem.get(line.itemId()),
                            line.supplierId()))
                    .toList();
            // The row as this transaction left it (its own write, under its lock); the lines as just written.
            Order pending = jdbc.sql("SELECT * FROM orders WHERE id = ?")
                    .param(orderId)
                    .query((row, n) -> order(row, lines))
                    .single();
            recordAndPublish(pending, OrderStatus.CREATED, null);
            return Optional.of(pending);
        });
    }

    /**
     * Moves the order {@code from -> to} if it is still {@code from}: true when this call moved it, false when
     * it was no longer {@code from} (another move won; nothing changed). Joins the caller's transaction.
     *
     * @throws ApiProblem 409 {@code illegal-transition} for a move {@link OrderTransitions} does not allow
     */
    public boolean transition(String orderId, OrderStatus from, OrderStatus to, String reason) {
        return transition(orderId, from, to, reason, null);
    }

    /**
     * As {@link #transition(String, OrderStatus, OrderStatus, String)}, with a note on the move's history row:
     * the words of whoever made it (why a seller cancelled, what a shopper returns), kept beside the reason,
     * which stays a fixed slug ({@code cancelled-by-seller}) that consumers can branch on.
     */
    public boolean transition(String orderId, OrderStatus from, OrderStatus to, String reason, String note) {
        Boolean moved = transaction.execute(status -> {
            if (!compareAndSet(orderId, from, to, reason)) {
                return false;
            }
            recordAndPublish(find(orderId).orElseThrow(), from, reason, note);
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    /**
     * DELIVERED -> RETURNED, in the one compare-and-set, only while the order was delivered less than
     * {@code window} ago by the database's clock (which wrote the DELIVERED history row): a return asked for
     * as the window closes is either in or out, never both. False when the order is not DELIVERED or the
     * window has passed (nothing changed); otherwise as {@link #transition}.
     */
    public boolean returnWithin(String orderId, Duration window, String reason, String note) {
        requireAllowed(orderId, OrderStatus.DELIVERED, OrderStatus.RETURNED);
        Boolean moved = transaction.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE orders SET status = 'RETURNED', version = version + 1, reason = COALESCE(?, reason),
                                              updated_at = CURRENT_TIMESTAMP(6)
                            WHERE id = ? AND status = 'DELIVERED'
                              AND EXISTS (SELECT 1 FROM order_status_history h
                                          WHERE h.order_id = orders.id AND h.to_status = 'DELIVERED'
                                            AND h.changed_at > CURRENT_TIMESTAMP(6) - INTERVAL ? MICROSECOND)""")
                    .params(reason, orderId, window.toNanos() / 1_000)
                    .update();
            if (updated == 0) {
                return false;
            }
            recordAndPublish(find(orderId).orElseThrow(), OrderStatus.DELIVERED, reason, note);
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    private boolean compareAndSet(String orderId, OrderStatus from, OrderStatus to, String reason) {
        requireAllowed(orderId, from, to);
        return jdbc.sql("""
                        UPDATE orders SET status = ?, version = version + 1, reason = COALESCE(?, reason),
                                          updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = ?""").params(to.name(), reason, orderId, from.name()).update() == 1;
    }

    private static void requireAllowed(String orderId, OrderStatus from, OrderStatus to) {
        if (!OrderTransitions.allowed(from, to)) {
            throw ApiProblem.conflict(
                            "illegal-transition",
                            "An order cannot move from " + from + " to " + to + "; nothing changed")
                    .with("orderId", orderId)
                    .with("from", from)
                    .with("to", to);
        }
    }

    /** The history row of the move to the order's (new) status, and its event carrying the whole order. */
    private void recordAndPublish(Order order, OrderStatus from, String reason) {
        recordAndPublish(order, from, reason, null);
    }

    private void recordAndPublish(Order order, OrderStatus from, String reason, String note) {
        jdbc.sql("""
                        INSERT INTO order_status_history (order_id, from_status, to_status, reason, note)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(
                        order.orderId(),
                        from == null ? null : from.name(),
                        order.status().name(),
                        reason,
                        note)
                .update();
        events.publishEvent(new OrderStatusChanged(
                UUID.randomUUID(),
                Instant.now(),
                order.orderId(),
                order.userId(),
                from,
                order.status(),
                reason,
                order.lines().stream()
                        .map(line -> new OrderLine(
                                line.itemId(),
                                line.supplierId(),
                                line.warehouseId(),
                                line.quantity(),
                                line.unitPrice(),
                                line.title()))
                        .toList(),
                order.total()));
    }

    public Optional<Order> find(String orderId) {
        // The row first, then its lines: no second query while a result set is open.
        return jdbc.sql("SELECT * FROM orders WHERE id = ?")
                .param(orderId)
                .query((row, n) -> order(row, List.of()))
                .optional()
                .map(order -> withLines(order, linesOf(orderId)));
    }

    /** The shopper's own order; empty for another shopper's, as for one that does not exist. */
    public Optional<Order> findOf(String userId, String orderId) {
        return find(orderId).filter(order -> order.userId().equals(userId));
    }

    /**
     * A shopper's live orders newest first (created_at DESC, id DESC), those strictly after the key
     * ({@code beforeCreatedAt}, {@code beforeId}) in that order, or from the newest when it is null: a keyset
     * page, so an order added or removed meanwhile never shifts the next page (history's merged view).
     */
    public List<Order> ofUser(String userId, Instant beforeCreatedAt, String beforeId, int limit) {
        List<String> ids = beforeCreatedAt == null
                ? jdbc.sql("""
                                SELECT id FROM orders WHERE user_id = ?
                                ORDER BY created_at DESC, id DESC LIMIT ?""").params(userId, limit).query(String.class).list()
                : jdbc.sql("""
                                SELECT id FROM orders
                                WHERE user_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
                                ORDER BY created_at DESC, id DESC LIMIT ?""")
                        .params(
                                userId,
                                Timestamp.from(beforeCreatedAt),
                                Timestamp.from(beforeCreatedAt),
                                beforeId,
                                limit)
                        .query(String.class)
                        .list();
        return findAll(ids);
    }

    /**
     * The orders with these ids that exist, with their lines, in the order of the ids (three queries, whatever
     * their number: archival reads its batches so).
     */
    public List<Order> findAll(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        Map<String, List<Order.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT order_id, item_id, title, quantity, unit_price_minor, currency, warehouse_id, supplier_id
                        FROM order_line WHERE order_id IN (:ids) ORDER BY order_id, line_no""").param("ids", orderIds).query(row -> {
            lines.computeIfAbsent(row.getString("order_id"), id -> new ArrayList<>())
                    .add(line(row));
        });
        Map<String, Order> found = new HashMap<>();
        jdbc.sql("SELECT * FROM orders WHERE id IN (:ids)")
                .param("ids", orderIds)
                .query((row, n) -> order(row, List.of()))
                .list()
                .forEach(order -> found.put(
                        order.orderId(),
                        withLines(order, List.copyOf(lines.getOrDefault(order.orderId(), List.of())))));
        return orderIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The status history of each of these orders, oldest move first (empty for an order without any). */
    public Map<String, List<OrderHistory>> historiesOf(List<String> orderIds) {
        Map<String, List<OrderHistory>> histories = new HashMap<>();
        if (orderIds.isEmpty()) {
            return histories;
        }
        jdbc.sql("""
                        SELECT order_id, from_status, to_status, reason, changed_at, note FROM order_status_history
                        WHERE order_id IN (:ids) ORDER BY order_id, id""").param("ids", orderIds).query(row -> {
            histories
                    .computeIfAbsent(row.getString("order_id"), id -> new ArrayList<>())
                    .add(historyRow(row));
        });
        return histories;
    }

    public List<OrderHistory> history(String orderId) {
        return jdbc.sql("""
                        SELECT from_status, to_status, reason, changed_at, note FROM order_status_history
                        WHERE order_id = ? ORDER BY id""").param(orderId).query((row, n) -> historyRow(row)).list();
    }

    private static OrderHistory historyRow(ResultSet row) throws SQLException {
        return new OrderHistory(
                row.getString("from_status") == null ? null : OrderStatus.valueOf(row.getString("from_status")),
                OrderStatus.valueOf(row.getString("to_status")),
                row.getString("reason"),
                row.getTimestamp("changed_at").toInstant(),
                row.getString("note"));
    }

    /** Orders still PAYMENT_PENDING whose payment fell due before {@code cutoff}, oldest first. */
    public List<String> overdue(Instant cutoff, int batch) {
        return jdbc.sql("""
                        SELECT id FROM orders WHERE status = 'PAYMENT_PENDING' AND payment_due_at < ?
                        ORDER BY payment_due_at LIMIT ?""")
                .params(Timestamp.from(cutoff), batch)
                .query(String.class)
                .list();
    }

    /**
     * Orders still CREATED {@code age} after they were made: their taking stopped half-way (the service died
     * between two steps). The age is counted by the database's clock, which wrote {@code created_at}.
     */
    public List<String> stuckInCreated(Duration age, int batch) {
        return jdbc.sql("""
                        SELECT id FROM orders
                        WHERE status = 'CREATED' AND created_at < CURRENT_TIMESTAMP(6) - INTERVAL ? MICROSECOND
                        ORDER BY created_at LIMIT ?""")
                .params(age.toNanos() / 1_000, batch)
                .query(String.class)
                .list();
    }

    private List<Order.Line> linesOf(String orderId) {
        return jdbc.sql("""
                        SELECT item_id, title, quantity, unit_price_minor, currency, warehouse_id, supplier_id
                        FROM order_line WHERE order_id = ? ORDER BY line_no""").param(orderId).query((row, n) -> line(row)).list();
    }

    private static Order.Line line(ResultSet row) throws SQLException {
        return new Order.Line(
                row.getString("item_id"),
                row.getString("title"),
                row.getInt("quantity"),
                new Money(row.getLong("unit_price_minor"), row.getString("currency")),
                row.getString("warehouse_id"),
                row.getString("supplier_id"));
    }

    private static Order withLines(Order o, List<Order.Line> lines) {
        return new Order(
                o.orderId(),
                o.userId(),
                o.status(),
                o.version(),
                o.reason(),
                o.addressId(),
                o.pincode(),
                o.paymentMethod(),
                o.total(),
                o.paymentId(),
                o.paymentRedirectUrl(),
                o.paymentDueAt(),
                o.createdAt(),
                o.updatedAt(),
                lines);
    }

    private static Order order(ResultSet row, List<Order.Line> lines) throws SQLException {
        Timestamp due = row.getTimestamp("payment_due_at");
        return new Order(
                row.getString("id"),
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
                due == null ? null : due.toInstant(),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                lines);
    }
}
