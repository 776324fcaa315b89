package dev.bazaar.starter.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Whether one result reaches the shopper's pincode. UNKNOWN when serviceability did not answer in
 * time, is down, does not know the pincode, or has not yet heard of the item (its projections lag
 * the index by a moment; hiding a just-listed item would be worse than showing it without an ETA).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(Status status, Integer etaHours, LocalDate promiseDate) {

    public enum Status {
        DELIVERABLE,
        UNDELIVERABLE,
        UNKNOWN
    }

    public static final Delivery UNKNOWN = new Delivery(Status.UNKNOWN, null, null);

    public boolean undeliverable() {
        return status == Status.UNDELIVERABLE;
    }
}
