package dev.bazaar.serviceability.lookup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Whether one item can reach one pincode, from which warehouse and when. {@code reason} says why
 * not: UNKNOWN_ITEM, INACTIVE, OUT_OF_STOCK or NOT_SERVICEABLE (no stocked warehouse reaches the
 * pincode with lanes that carry the item's size). {@code candidates} lists every warehouse that has
 * the item in stock and reaches the pincode for its size class, earliest promise first (so its first
 * is {@code warehouseId}; empty when not deliverable): order-service reserves down this list when the
 * first warehouse has sold out in the meantime.
 */
public record ItemServiceability(
        String itemId,
        boolean deliverable,
        String warehouseId,
        List<String> candidates,
        Integer etaHours,
        LocalDate promiseDate,
        OffsetDateTime promisedBy,
        String reason) {

    static ItemServiceability no(String itemId, String reason) {
        return new ItemServiceability(itemId, false, null, List.of(), null, null, null, reason);
    }
}
