package dev.bazaar.wishlist.stock;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code item_stock} projection of {@code inventory.stock.v1}, in explicit SQL. */
@Repository
public class ItemStocks {

    private final JdbcClient jdbc;

    ItemStocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes an item's total stock at {@code version}, only if that is newer than the version held, in
     * one statement (no read-then-write race between two deliveries): a redelivered or late, older
     * event changes nothing. MariaDB applies the SET list left to right, so {@code back_in_stock_at}
     * is decided on the old total and version, before they are replaced.
     */
    void apply(String itemId, long totalAvailable, long version) {
        jdbc.sql("""
                        INSERT INTO item_stock (item_id, total_available, version) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE
                          back_in_stock_at = IF(VALUES(version) > version AND total_available = 0
                                                  AND VALUES(total_available) > 0,
                                                NOW(6), back_in_stock_at),
                          total_available = IF(VALUES(version) > version, VALUES(total_available), total_available),
                          version = GREATEST(version, VALUES(version))""").param(itemId).param(totalAvailable).param(version).update();
    }

    /** The stock of those of {@code itemIds} that a stock event has been seen for; the others are absent. */
    public Map<String, ItemStock> of(Collection<String> itemIds) {
        Map<String, ItemStock> stocks = new HashMap<>();
        if (itemIds.isEmpty()) {
            return stocks;
        }
        jdbc.sql("SELECT item_id, total_available, back_in_stock_at FROM item_stock WHERE item_id IN (:ids)")
                .paramSource(new MapSqlParameterSource("ids", itemIds))
                .query(rs -> {
                    Timestamp backInStockAt = rs.getTimestamp(3);
                    stocks.put(
                            rs.getString(1),
                            new ItemStock(rs.getLong(2) > 0, backInStockAt == null ? null : backInStockAt.toInstant()));
                });
        return stocks;
    }
}
