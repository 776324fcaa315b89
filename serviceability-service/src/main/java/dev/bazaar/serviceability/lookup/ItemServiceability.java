package dev.bazaar.serviceability.lookup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Whether one item can reach one pincode, from which warehouse and when. {@code reason} says why
 * not: UNKNOWN_ITEM, INACTIVE, OUT_OF_STOCK or NOT_SERVICEABLE (no stocked warehouse reaches the
 * pincode with lanes that carry the item's size).
 */
public record ItemServiceability(
        String itemId,
        boolean deliverable,
        String warehouseId,
        Integer etaHours,
        LocalDate promiseDate,
        OffsetDateTime promisedBy,
        String reason) {

    static ItemServiceability no(String itemId, String reason) {
        return new ItemServiceability(itemId, false, null, null, null, null, reason);
    }
}
