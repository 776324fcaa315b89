package dev.bazaar.order.archival;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live orders archival may move, and their removal from MariaDB once Cassandra holds them, with explicit
 * SQL. Ages are counted by the database's clock, which wrote {@code updated_at}.
 */
@Component
class ArchivableOrders {

    /** Where a run got to in one status: its candidates are read in (updated_at, id) order, after this key. */
    record After(Instant updatedAt, String orderId) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ArchivableOrders(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Up to {@code limit} orders in the terminal {@code status} whose last change is more than {@code age}
     * ago, oldest change first, after {@code after} (null: from the oldest). The index (status, updated_at)
     * answers it; the keyset lets a run pass over an order it could not move without reading it again. An
     * order whose restock or refund is still being retried (processing's {@code order_compensation} row, not
     * yet settled) stays live until it is settled: that retry reads the order.
     */
    List<After> candidates(OrderStatus status, Duration age, After after, int limit) {
        long ageMicros = age.toNanos() / 1_000;
        JdbcClient.StatementSpec query = after == null
                ? jdbc.sql("""
                                SELECT id, updated_at FROM orders
                                WHERE status = ? AND updated_at < CURRENT_TIMESTAMP(6) - INTERVAL ? MICROSECOND
                                  AND NOT EXISTS (SELECT 1 FROM order_compensation c
                                                  WHERE c.order_id = orders.id AND c.settled_at IS NULL)
                                ORDER BY updated_at, id LIMIT ?""").params(status.name(), ageMicros, limit)
                : jdbc.sql("""
                                SELECT id, updated_at FROM orders
                                WHERE status = ? AND updated_at < CURRENT_TIMESTAMP(6) - INTERVAL ? MICROSECOND
                                  AND NOT EXISTS (SELECT 1 FROM order_compensation c
                                                  WHERE c.order_id = orders.id AND c.settled_at IS NULL)
                                  AND (updated_at > ? OR (updated_at = ? AND id > ?))
                                ORDER BY updated_at, id LIMIT ?""")
                        .params(
                                status.name(),
                                ageMicros,
                                Timestamp.from(after.updatedAt()),
                                Timestamp.from(after.updatedAt()),
                                after.orderId(),
                                limit);
        return query.query((row, n) -> new After(row.getTimestamp("updated_at").toInstant(), row.getString("id")))
                .list();
    }

    /**
     * Deletes the orders (row, lines, status history) that are still in the status and at the version they
     * were archived with, in one transaction: the compare-and-set of a move out of MariaDB. Their rows are
     * locked first ({@code FOR UPDATE}), so no move can slip between the check and the delete; an order that
     * moved meanwhile (a late return) stays live, and the next run archives it again as it now is. Returns
     * the ids deleted.
     */
    List<String> deleteIfUnchanged(List<Order> archived) {
        if (archived.isEmpty()) {
            return List.of();
        }
        Map<String, Order> byId = new HashMap<>();
        archived.forEach(order -> byId.put(order.orderId(), order));
        return transaction.execute(status -> {
            // By primary key only: a lookup per id, locking just these rows (a row-constructor IN would scan).
            List<String> unchanged = jdbc
                    .sql("SELECT id, status, version FROM orders WHERE id IN (:ids) FOR UPDATE")
                    .param("ids", List.copyOf(byId.keySet()))
                    .query((row, n) -> {
                        Order was = byId.get(row.getString("id"));
                        return was.status().name().equals(row.getString("status"))
                                        && was.version() == row.getInt("version")
                                ? was.orderId()
                                : null;
                    })
                    .list()
                    .stream()
                    .filter(Objects::nonNull)
                    .toList();
            if (unchanged.isEmpty()) {
                return List.<String>of();
            }
            // Lines first: they reference the order row.
            jdbc.sql("DELETE FROM order_line WHERE order_id IN (:ids)")
                    .param("ids", unchanged)
                    .update();
            jdbc.sql("DELETE FROM order_status_history WHERE order_id IN (:ids)")
                    .param("ids", unchanged)
                    .update();
            jdbc.sql("DELETE FROM orders WHERE id IN (:ids)")
                    .param("ids", unchanged)
                    .update();
            return unchanged;
        });
    }

    /** When the terminal order that changed longest ago last changed; empty when none is left. */
    Optional<Instant> oldestTerminalChange() {
        Instant oldest = null;
        for (OrderStatus status : Archival.TERMINAL) {
            // One status per query: MIN over the index prefix is answered from the index alone.
            Timestamp found = jdbc.sql("SELECT MIN(updated_at) FROM orders WHERE status = ?")
                    .param(status.name())
                    .query(Timestamp.class)
                    .list()
                    .get(0);
            if (found != null && (oldest == null || found.toInstant().isBefore(oldest))) {
                oldest = found.toInstant();
            }
        }
        return Optional.ofNullable(oldest);
    }
}
