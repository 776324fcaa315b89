package dev.bazaar.inventory.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What order-service's reconciliation reads, a page at a time and never changing anything: each stock row
 * beside the figures its ledger rows give, and what the ledger holds for each order reference. Each page is
 * one SELECT, so the stored figures and the ledger sums are read from one snapshot (read committed gives a
 * statement its own): a stock change and its ledger row commit together, so they never disagree in a page
 * unless one escaped the other.
 *
 * <p>Ledger kinds and what they move: RECEIPT and ADJUSTMENT (signed) on hand; RESERVATION reserved;
 * CONFIRMATION reserved and on hand down, sold up; RELEASE reserved down; RESTOCK (a sold quantity put back on
 * hand: a cancelled placed order or a return) sold down, on hand up.
 */
@Repository
class LedgerFigures {

    /** The figures as stored in the {@code stock} row. */
    record Stored(long onHand, long reserved, long sold) {}

    /**
     * The ledger's sums for one (item, warehouse), and the figures they give: on hand = received + adjusted -
     * confirmed + restocked, reserved = reservations - confirmed - released, sold = confirmed - restocked.
     */
    record Ledger(
            long received,
            long adjusted,
            long reservations,
            long confirmed,
            long released,
            long restocked,
            long onHand,
            long reserved,
            long sold) {}

    record StockRow(String itemId, String warehouseId, Stored stored, Ledger ledger) {}

    /**
     * One item of an order in the ledger: what was reserved for it, how much of that is still held
     * (reservations - confirmed - released), sold (confirmed), released and restocked.
     */
    record OrderLine(
            String itemId,
            String warehouseId,
            long reserved,
            long reservedOutstanding,
            long sold,
            long released,
            long restocked) {}

    /** An order reference's lines, and when its latest ledger row was written (to leave a moving order be). */
    record OrderHolding(String orderId, Instant lastChangedAt, List<OrderLine> lines) {}

    private final JdbcClient jdbc;

    LedgerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stock rows after ({@code afterItem}, {@code afterWarehouse}) in key order (null: from the start),
     * {@code size} of them, each with its ledger sums. The page of rows is chosen on the primary key first,
     * then only their ledger rows are summed (index {@code stock_ledger_item}).
     */
    List<StockRow> stock(String afterItem, String afterWarehouse, int size) {
        String after = afterItem == null ? "" : "WHERE item_id > ? OR (item_id = ? AND warehouse_id > ?)";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT s.item_id, s.warehouse_id, s.on_hand, s.reserved, s.sold,
                       COALESCE(SUM(CASE l.kind WHEN 'RECEIPT' THEN l.quantity ELSE 0 END), 0) AS received,
                       COALESCE(SUM(CASE l.kind WHEN 'ADJUSTMENT' THEN l.quantity ELSE 0 END), 0) AS adjusted,
                       COALESCE(SUM(CASE l.kind WHEN 'RESERVATION' THEN l.quantity ELSE 0 END), 0) AS reservations,
                       COALESCE(SUM(CASE l.kind WHEN 'CONFIRMATION' THEN l.quantity ELSE 0 END), 0) AS confirmed,
                       COALESCE(SUM(CASE l.kind WHEN 'RELEASE' THEN l.quantity ELSE 0 END), 0) AS released,
                       COALESCE(SUM(CASE l.kind WHEN 'RESTOCK' THEN l.quantity ELSE 0 END), 0) AS restocked
                FROM (SELECT item_id, warehouse_id, on_hand, reserved, sold FROM stock %s
                      ORDER BY item_id, warehouse_id LIMIT ?) s
                LEFT JOIN stock_ledger l ON l.item_id = s.item_id AND l.warehouse_id = s.warehouse_id
                GROUP BY s.item_id, s.warehouse_id, s.on_hand, s.reserved, s.sold
                ORDER BY s.item_id, s.warehouse_id""".formatted(after));
        List<Object> params = new ArrayList<>();
        if (afterItem != null) {
            params.addAll(List.of(afterItem, afterItem, afterWarehouse));
        }
        params.add(size);
        return statement.params(params).query((rs, n) -> stockRow(rs)).list();
    }

    private static StockRow stockRow(ResultSet rs) throws SQLException {
        long received = rs.getLong("received");
        long adjusted = rs.getLong("adjusted");
        long reservations = rs.getLong("reservations");
        long confirmed = rs.getLong("confirmed");
        long released = rs.getLong("released");
        long restocked = rs.getLong("restocked");
        return new StockRow(
                rs.getString("item_id"),
                rs.getString("warehouse_id"),
                new Stored(rs.getLong("on_hand"), rs.getLong("reserved"), rs.getLong("sold")),
                new Ledger(
                        received,
                        adjusted,
                        reservations,
                        confirmed,
                        released,
                        restocked,
                        received + adjusted - confirmed + restocked,
                        reservations - confirmed - released,
                        confirmed - restocked));
    }

    /**
     * The order references after {@code after} (exclusive; null: from the start) up to {@code until}
     * (inclusive; null: no bound), {@code size} of them, each with its lines. Only the kinds an order writes
     * count (receipts and adjustments have references of their own). The references of the page are chosen
     * first on the index {@code stock_ledger_reference (reference, kind)}, then their rows summed.
     */
    List<OrderHolding> orders(String after, String until, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder range = new StringBuilder();
        if (after != null) {
            range.append(" AND reference > ?");
            params.add(after);
        }
        if (until != null) {
            range.append(" AND reference <= ?");
            params.add(until);
        }
        params.add(size);
        List<Object[]> rows = jdbc.sql("""
                        SELECT l.reference, l.item_id, l.warehouse_id,
                               SUM(CASE l.kind WHEN 'RESERVATION' THEN l.quantity ELSE 0 END),
                               SUM(CASE l.kind WHEN 'CONFIRMATION' THEN l.quantity ELSE 0 END),
                               SUM(CASE l.kind WHEN 'RELEASE' THEN l.quantity ELSE 0 END),
                               SUM(CASE l.kind WHEN 'RESTOCK' THEN l.quantity ELSE 0 END),
                               MAX(l.created_at)
                        FROM (SELECT DISTINCT reference FROM stock_ledger
                              WHERE kind IN ('RESERVATION', 'CONFIRMATION', 'RELEASE', 'RESTOCK')%s
                              ORDER BY reference LIMIT ?) r
                        JOIN stock_ledger l ON l.reference = r.reference
                        WHERE l.kind IN ('RESERVATION', 'CONFIRMATION', 'RELEASE', 'RESTOCK')
                        GROUP BY l.reference, l.item_id, l.warehouse_id
                        ORDER BY l.reference, l.item_id, l.warehouse_id""".formatted(range))
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    new OrderLine(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(4) - rs.getLong(5) - rs.getLong(6),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7)),
                    rs.getTimestamp(8)
                })
                .list();
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        Map<String, Instant> changed = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String orderId = (String) row[0];
            lines.computeIfAbsent(orderId, id -> new ArrayList<>()).add((OrderLine) row[1]);
            Instant at = ((Timestamp) row[2]).toInstant();
            changed.merge(orderId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
        return lines.entrySet().stream()
                .map(entry -> new OrderHolding(entry.getKey(), changed.get(entry.getKey()), entry.getValue()))
                .toList();
    }
}
