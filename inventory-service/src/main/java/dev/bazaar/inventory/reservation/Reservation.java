package dev.bazaar.inventory.reservation;

import java.time.Instant;
import java.util.List;

/** The stock one order blocks in one warehouse; its status moves once, from RESERVED. */
record Reservation(String orderId, String warehouseId, Status status, Instant expiresAt, List<Line> lines) {

    enum Status {
        RESERVED,
        CONFIRMED,
        RELEASED
    }

    record Line(String itemId, long quantity) {}
}
