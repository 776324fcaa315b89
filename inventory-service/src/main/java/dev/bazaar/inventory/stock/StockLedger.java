package dev.bazaar.inventory.stock;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures as the ledger says they should be: on hand = received + adjusted (signed) - confirmed +
 * restocked, reserved = reserved - confirmed - released, sold = confirmed - restocked. Compared with the stored {@code stock} rows by the OPS check; a
 * difference means a change escaped its ledger row (or the reverse).
 */
@Component
class StockLedger {

    record Check(String warehouseId, StockLevel stored, StockLevel recomputed, boolean consistent) {}

    private final JdbcClient jdbc;
    private final Stock stock;

    StockLedger(JdbcClient jdbc, Stock stock) {
        this.jdbc = jdbc;
        this.stock = stock;
    }

    List<StockLevel> recompute(String itemId) {
        return jdbc.sql("""
                        SELECT warehouse_id,
                               SUM(CASE kind WHEN 'RECEIPT' THEN quantity WHEN 'ADJUSTMENT' THEN quantity
                                             WHEN 'RESTOCK' THEN quantity
                                             WHEN 'CONFIRMATION' THEN -quantity ELSE 0 END),
                               SUM(CASE kind WHEN 'RESERVATION' THEN quantity
                                             WHEN 'CONFIRMATION' THEN -quantity WHEN 'RELEASE' THEN -quantity
                                             ELSE 0 END),
                               SUM(CASE kind WHEN 'CONFIRMATION' THEN quantity WHEN 'RESTOCK' THEN -quantity
                                             ELSE 0 END)
                        FROM stock_ledger WHERE item_id = ? GROUP BY warehouse_id ORDER BY warehouse_id""")
                .param(itemId)
                .query((rs, row) -> new StockLevel(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Stored and recomputed figures per warehouse (read without a transaction: check a quiet item). */
    List<Check> check(String itemId) {
        List<StockLevel> stored = stock.levels(itemId);
        List<StockLevel> recomputed = recompute(itemId);
        List<String> warehouses = java.util.stream.Stream.concat(stored.stream(), recomputed.stream())
                .map(StockLevel::warehouseId)
                .distinct()
                .sorted()
                .toList();
        return warehouses.stream()
                .map(warehouse -> {
                    StockLevel s = find(stored, warehouse);
                    StockLevel r = find(recomputed, warehouse);
                    return new Check(warehouse, s, r, s != null && s.equals(r));
                })
                .toList();
    }

    private static StockLevel find(List<StockLevel> levels, String warehouseId) {
        return levels.stream()
                .filter(level -> level.warehouseId().equals(warehouseId))
                .findFirst()
                .orElse(null);
    }
}
