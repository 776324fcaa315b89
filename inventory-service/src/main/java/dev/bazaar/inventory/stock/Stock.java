package dev.bazaar.inventory.stock;

import dev.bazaar.contracts.inventory.StockChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of the {@code stock} table, each one statement that checks and changes at once (never a
 * read then a write), with its {@code stock_ledger} row and, when the available quantity moves, its
 * {@link StockChanged} through the outbox: all in the caller's transaction, so a change, its ledger row
 * and its event exist together or not at all. Callers change the lines of one order in item order, so
 * two orders never wait on each other's rows in opposite orders.
 */
@Repository
public class Stock {

    /** What a ledger row records; the figures follow from the sums (see {@link StockLedger}). */
    enum Kind {
        RECEIPT,
        RESERVATION,
        CONFIRMATION,
        RELEASE,
        /** An OPS correction of on hand (signed quantity): see {@link Adjustments}. */
        ADJUSTMENT
    }

    /** One item's stock in the warehouse being listed. */
    record ItemLevel(String itemId, long onHand, long reserved, long sold) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Stock(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds a receipt's quantity to the warehouse's on hand (a first receipt creates the row). */
    @Transactional(propagation = Propagation.MANDATORY)
    void receive(String itemId, String warehouseId, long quantity, String receiptId) {
        jdbc.sql("""
                        INSERT INTO stock (item_id, warehouse_id, on_hand) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE on_hand = on_hand + VALUES(on_hand), updated_at = CURRENT_TIMESTAMP(6)""").params(itemId, warehouseId, quantity).update();
        recorded(itemId, warehouseId, Kind.RECEIPT, quantity, receiptId, true);
    }

    /**
     * Corrects on hand by {@code delta}. A positive delta always applies (a first one creates the row); a
     * negative one only while on hand stays at or above what is reserved, checked in the one conditional
     * UPDATE: false (nothing changed) when it would not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean adjust(String itemId, String warehouseId, long delta, String adjustmentId) {
        int updated = delta > 0
                ? jdbc.sql("""
                                INSERT INTO stock (item_id, warehouse_id, on_hand) VALUES (?, ?, ?)
                                ON DUPLICATE KEY UPDATE on_hand = on_hand + VALUES(on_hand),
                                                        updated_at = CURRENT_TIMESTAMP(6)""")
                        .params(itemId, warehouseId, delta)
                        .update()
                : jdbc.sql("""
                                UPDATE stock SET on_hand = on_hand + ?, updated_at = CURRENT_TIMESTAMP(6)
                                WHERE item_id = ? AND warehouse_id = ? AND on_hand + ? >= reserved""")
                        .params(delta, itemId, warehouseId, delta)
                        .update();
        if (updated == 0) {
            return false;
        }
        recorded(itemId, warehouseId, Kind.ADJUSTMENT, delta, adjustmentId, true);
        return true;
    }

    /**
     * Blocks {@code quantity} for the order if that much is available, in the one conditional UPDATE;
     * false (nothing changed) when it is not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(String itemId, String warehouseId, long quantity, String orderId) {
        int updated =
                jdbc.sql("""
                        UPDATE stock SET reserved = reserved + ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE item_id = ? AND warehouse_id = ? AND on_hand - reserved >= ?""").params(quantity, itemId, warehouseId, quantity).update();
        if (updated == 0) {
            return false;
        }
        recorded(itemId, warehouseId, Kind.RESERVATION, quantity, orderId, true);
        return true;
    }

    /** Gives a reservation's quantity back to what is available. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String itemId, String warehouseId, long quantity, String orderId) {
        held(jdbc.sql("""
                        UPDATE stock SET reserved = reserved - ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE item_id = ? AND warehouse_id = ? AND reserved >= ?""").params(quantity, itemId, warehouseId, quantity).update(), itemId, warehouseId, quantity);
        recorded(itemId, warehouseId, Kind.RELEASE, quantity, orderId, true);
    }

    /** A paid reservation leaves the warehouse: reserved and on hand down, sold up; available is unchanged (no event). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sell(String itemId, String warehouseId, long quantity, String orderId) {
        held(
                jdbc.sql("""
                        UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ?, sold = sold + ?,
                                         updated_at = CURRENT_TIMESTAMP(6)
                        WHERE item_id = ? AND warehouse_id = ? AND reserved >= ?""")
                        .params(quantity, quantity, quantity, itemId, warehouseId, quantity)
                        .update(),
                itemId,
                warehouseId,
                quantity);
        recorded(itemId, warehouseId, Kind.CONFIRMATION, quantity, orderId, false);
    }

    /**
     * A release or sale only ever moves what a RESERVED reservation holds (its status moved by
     * compare-and-set first), so a row holding less is a broken invariant: the transaction fails rather
     * than skip it quietly.
     */
    private static void held(int updated, String itemId, String warehouseId, long quantity) {
        if (updated != 1) {
            throw new IllegalStateException("stock of item " + itemId + " in " + warehouseId
                    + " holds less reserved than a reservation of " + quantity);
        }
    }

    private void recorded(
            String itemId, String warehouseId, Kind kind, long quantity, String reference, boolean availableMoved) {
        jdbc.sql("""
                        INSERT INTO stock_ledger (item_id, warehouse_id, kind, quantity, reference)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(itemId, warehouseId, kind.name(), quantity, reference)
                .update();
        if (availableMoved) {
            announce(itemId, warehouseId);
        }
    }

    /**
     * The item's next version (its row locked until the commit, so the item's changes are numbered in
     * the order they commit), then the figures this change leaves, read under that lock.
     */
    private void announce(String itemId, String warehouseId) {
        jdbc.sql("INSERT INTO item_version (item_id, version) VALUES (?, 1) "
                        + "ON DUPLICATE KEY UPDATE version = version + 1")
                .param(itemId)
                .update();
        long version = jdbc.sql("SELECT version FROM item_version WHERE item_id = ?")
                .param(itemId)
                .query(Long.class)
                .single();
        List<StockLevel> levels = levels(itemId);
        long available = levels.stream()
                .filter(level -> level.warehouseId().equals(warehouseId))
                .mapToLong(StockLevel::available)
                .sum();
        long total = levels.stream().mapToLong(StockLevel::available).sum();
        events.publishEvent(
                new StockChanged(UUID.randomUUID(), Instant.now(), itemId, warehouseId, available, total, version));
    }

    /** A page of the warehouse's items, in item id order (stable while items are added). */
    List<ItemLevel> inWarehouse(String warehouseId, int page, int size) {
        return jdbc.sql("""
                        SELECT item_id, on_hand, reserved, sold FROM stock
                        WHERE warehouse_id = ? ORDER BY item_id LIMIT ? OFFSET ?""")
                .params(warehouseId, size, (long) page * size)
                .query((rs, row) -> new ItemLevel(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    long countInWarehouse(String warehouseId) {
        return jdbc.sql("SELECT COUNT(*) FROM stock WHERE warehouse_id = ?")
                .param(warehouseId)
                .query(Long.class)
                .single();
    }

    /** The item's stock in every warehouse that has had some, by warehouse id (in a transaction or not). */
    List<StockLevel> levels(String itemId) {
        return jdbc.sql("""
                        SELECT warehouse_id, on_hand, reserved, sold FROM stock
                        WHERE item_id = ? ORDER BY warehouse_id""")
                .param(itemId)
                .query((rs, row) -> new StockLevel(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
