package dev.bazaar.starter.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether one result reaches the shopper's pincode. UNKNOWN when serviceability did not answer in
 * time, is down, does not know the pincode, or has not yet heard of the item (its projections lag
 * the index by a moment; hiding a just-listed item would be worse than showing it without an ETA).
 *
 * <p>{@code candidates} are serviceability's warehouses for the item: every stocked one that reaches
 * the pincode, earliest promise first (empty unless DELIVERABLE). They are for a service that reserves
 * stock (order-service), not for shoppers: left out of the JSON that search and the cart answer with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
        Status status,
        Integer etaHours,
        LocalDate promiseDate,
        @JsonIgnore List<String> candidates) {

    public Delivery {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A delivery without warehouses (a shopper's view, or not deliverable). */
    public Delivery(Status status, Integer etaHours, LocalDate promiseDate) {
        this(status, etaHours, promiseDate, List.of());
    }

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
