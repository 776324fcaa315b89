package dev.bazaar.inventory.reservation;

import java.time.Instant;
import java.util.List;

/**
 * The stock one order blocks; its status moves once from RESERVED (to CONFIRMED or RELEASED), and a
 * CONFIRMED one (sold) may move once more, to RESTOCKED, when the order is cancelled after payment or
 * returned. Each line names the warehouse that had its stock (the first of the line's ranked warehouses that
 * did), which is where a restock puts it back.
 */
record Reservation(String orderId, Status status, Instant expiresAt, List<Line> lines) {

    enum Status {
        RESERVED,
        CONFIRMED,
        RELEASED,
        /** Sold, then put back on hand: the order was cancelled after payment or returned. */
        RESTOCKED
    }

    record Line(String itemId, long quantity, String warehouseId) {}
}
