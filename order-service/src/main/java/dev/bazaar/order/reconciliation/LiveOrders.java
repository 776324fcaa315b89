package dev.bazaar.order.reconciliation;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live orders (MariaDB) a page at a time in id order, each with its lines and whether it ever reached
 * PLACED, in one SELECT: one snapshot of the order, its lines and its history.
 */
@Repository
class LiveOrders {

    private final JdbcClient jdbc;

    LiveOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code size} orders after {@code after} (null: from the first), by id. */
    List<OrderSnapshot> page(String after, int size) {
        Map<String, OrderSnapshot> orders = new LinkedHashMap<>();
        Map<String, List<OrderSnapshot.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.id, o.status, o.version, o.total_minor, o.currency, o.updated_at,
                               EXISTS (SELECT 1 FROM order_status_history h
                                       WHERE h.order_id = o.id AND h.to_status = 'PLACED') AS placed,
                               l.item_id, l.quantity, l.warehouse_id
                        FROM (SELECT id, status, version, total_minor, currency, updated_at FROM orders
                              %s ORDER BY id LIMIT ?) o
                        LEFT JOIN order_line l ON l.order_id = o.id
                        ORDER BY o.id, l.line_no""".formatted(after == null ? "" : "WHERE id > ?"))
                .params(after == null ? List.of(size) : List.of(after, size))
                .query(rs -> {
                    String id = rs.getString("id");
                    orders.computeIfAbsent(id, key -> {
                        try {
                            return new OrderSnapshot(
                                    id,
                                    OrderStatus.valueOf(rs.getString("status")),
                                    rs.getInt("version"),
                                    rs.getBoolean("placed"),
                                    new Money(rs.getLong("total_minor"), rs.getString("currency")),
                                    rs.getTimestamp("updated_at").toInstant(),
                                    true,
                                    List.of());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    List<OrderSnapshot.Line> of = lines.computeIfAbsent(id, key -> new ArrayList<>());
                    if (rs.getString("item_id") != null) {
                        of.add(new OrderSnapshot.Line(
                                rs.getString("item_id"), rs.getInt("quantity"), rs.getString("warehouse_id")));
                    }
                });
        return orders.values().stream()
                .map(o -> new OrderSnapshot(
                        o.orderId(),
                        o.status(),
                        o.version(),
                        o.placed(),
                        o.total(),
                        o.updatedAt(),
                        true,
                        List.copyOf(lines.get(o.orderId()))))
                .toList();
    }

    /** The order's version now (empty once archived): a mismatch is only reported if the order has not moved. */
    Optional<Integer> version(String orderId) {
        return jdbc.sql("SELECT version FROM orders WHERE id = ?")
                .param(orderId)
                .query(Integer.class)
                .optional();
    }
}
