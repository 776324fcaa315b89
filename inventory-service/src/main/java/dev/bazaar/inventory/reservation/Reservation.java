package dev.bazaar.inventory.reservation;

import java.time.Instant;
import java.util.List;

/**
 * The stock one order blocks; its status moves once, from RESERVED. Each line names the warehouse that
 * had its stock (the first of the line's ranked warehouses that did).
 */
record Reservation(String orderId, Status status, Instant expiresAt, List<Line> lines) {

    enum Status {
        RESERVED,
        CONFIRMED,
        RELEASED
    }

    record Line(String itemId, long quantity, String warehouseId) {}
}
