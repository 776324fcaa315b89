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
 * Every change of the {@code stock} table, each a statement that checks and changes at once (never a
 * read then a write), with its {@code stock_ledger} row and its {@link StockChanged} through the outbox:
 * all in the caller's transaction, so a change, its ledger row and its event exist together or not at
 * all. Callers change the lines of one order in item order, so two orders never wait on each other's rows
 * in opposite orders.
 *
 * <p>Events: every receipt and adjustment, and a reservation or release only when it changes whether the
 * warehouse has the item available (to 0, or up from 0): what the consumers act on (search lists what is
 * in stock, serviceability the warehouses that hold it, wishlists in stock or not). A reservation that
 * leaves some available is then its own UPDATE and ledger row, and holds the item's row for no more than
 * that: a hot item (the last TVs of a sale) is reserved as fast as its row can be updated, not as fast as
 * its event can be written under the row's lock (ReserveBenchmark; README).
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
        ADJUSTMENT,
        /** Sold stock back on hand (a paid order cancelled or returned): on hand up, sold down. */
        RESTOCK
    }

    /** One line of an order's reservation, as its RESERVATION ledger row records it. */
    public record ReservedLine(String itemId, long quantity, String warehouseId) {}

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
                                                        updated_at = CURRENT_TIMESTAMP(6)""").params(itemId, warehouseId, delta).update()
                : jdbc.sql("""
                                UPDATE stock SET on_hand = on_hand + ?, updated_at = CURRENT_TIMESTAMP(6)
                                WHERE item_id = ? AND warehouse_id = ? AND on_hand + ? >= reserved""").params(delta, itemId, warehouseId, delta).update();
        if (updated == 0) {
            return false;
        }
        recorded(itemId, warehouseId, Kind.ADJUSTMENT, delta, adjustmentId, true);
        return true;
    }

    /**
     * Blocks {@code quantity} of the item for the order in the first of {@code warehouseIds} that has that
     * much available, trying them in order; its ledger row is written first and the conditional UPDATE
     * last, so the row stays locked (until the caller commits) for as short as can be. That ledger row is
     * the reservation's line ({@link #reservedFor}). Returns the warehouse, or null when none had it
     * (nothing changed).
     *
     * <p>Each attempt is a conditional UPDATE that leaves some available ({@code on_hand - reserved >
     * q}); only where that fails a second one takes the last units ({@code >= q}) and announces that the
     * warehouse is out. Neither reads first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String reserve(String itemId, List<String> warehouseIds, long quantity, String orderId) {
        long ledgerRow = jdbc.sql("""
                        INSERT INTO stock_ledger (item_id, warehouse_id, kind, quantity, reference)
                        VALUES (?, ?, 'RESERVATION', ?, ?) RETURNING id""")
                .params(itemId, warehouseIds.get(0), quantity, orderId)
                .query(Long.class)
                .single();
        for (int i = 0; i < warehouseIds.size(); i++) {
            String warehouseId = warehouseIds.get(i);
            if (i > 0) {
                jdbc.sql("UPDATE stock_ledger SET warehouse_id = ? WHERE id = ?")
                        .params(warehouseId, ledgerRow)
                        .update();
            }
            if (update(RESERVE_LEAVING_SOME, quantity, itemId, warehouseId)) {
                return warehouseId;
            }
            if (update(RESERVE_THE_LAST, quantity, itemId, warehouseId)) {
                announce(itemId, warehouseId);
                return warehouseId;
            }
        }
        jdbc.sql("DELETE FROM stock_ledger WHERE id = ?").param(ledgerRow).update();
        return null;
    }

    private static final String RESERVE_LEAVING_SOME = """
            UPDATE stock SET reserved = reserved + ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE item_id = ? AND warehouse_id = ? AND on_hand - reserved > ?""";

    private static final String RESERVE_THE_LAST = """
            UPDATE stock SET reserved = reserved + ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE item_id = ? AND warehouse_id = ? AND on_hand - reserved >= ?""";

    /**
     * Gives a reservation's quantity back to what is available; announced when the warehouse had none
     * available before (the same two-step UPDATE as {@link #reserve}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String itemId, String warehouseId, long quantity, String orderId) {
        if (!update(RELEASE_WHILE_AVAILABLE, quantity, itemId, warehouseId)) {
            held(update(RELEASE, quantity, itemId, warehouseId), itemId, warehouseId, quantity);
            recorded(itemId, warehouseId, Kind.RELEASE, quantity, orderId, true);
            return;
        }
        recorded(itemId, warehouseId, Kind.RELEASE, quantity, orderId, false);
    }

    private static final String RELEASE_WHILE_AVAILABLE = """
            UPDATE stock SET reserved = reserved - ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE item_id = ? AND warehouse_id = ? AND reserved >= ? AND on_hand - reserved > 0""";

    private static final String RELEASE = """
            UPDATE stock SET reserved = reserved - ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE item_id = ? AND warehouse_id = ? AND reserved >= ?""";

    /** One of the statements above: quantity, item, warehouse, quantity; true when it changed the row. */
    private boolean update(String statement, long quantity, String itemId, String warehouseId) {
        return jdbc.sql(statement)
                        .params(quantity, itemId, warehouseId, quantity)
                        .update()
                == 1;
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
     * What a paid order took goes back on hand in the warehouse it was sold from (the order was cancelled after
     * payment, or returned): sold down, on hand up, never taking sold below 0. Announced as a receipt is: more
     * is available.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restock(String itemId, String warehouseId, long quantity, String orderId) {
        held(
                jdbc.sql("""
                        UPDATE stock SET sold = sold - ?, on_hand = on_hand + ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE item_id = ? AND warehouse_id = ? AND sold >= ?""")
                        .params(quantity, quantity, itemId, warehouseId, quantity)
                        .update(),
                itemId,
                warehouseId,
                quantity);
        recorded(itemId, warehouseId, Kind.RESTOCK, quantity, orderId, true);
    }

    /**
     * A release or sale only ever moves what a RESERVED reservation holds (its status moved by
     * compare-and-set first), so a row holding less is a broken invariant: the transaction fails rather
     * than skip it quietly.
     */
    private static void held(int updated, String itemId, String warehouseId, long quantity) {
        held(updated == 1, itemId, warehouseId, quantity);
    }

    private static void held(boolean updated, String itemId, String warehouseId, long quantity) {
        if (!updated) {
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

    /** The lines an order reserved (its RESERVATION ledger rows) in item order, the order their rows change in. */
    public List<ReservedLine> reservedFor(String orderId) {
        return jdbc.sql("""
                        SELECT item_id, quantity, warehouse_id FROM stock_ledger
                        WHERE reference = ? AND kind = 'RESERVATION' ORDER BY item_id""")
                .param(orderId)
                .query((rs, row) -> new ReservedLine(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
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
