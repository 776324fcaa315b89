package dev.bazaar.order.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.contracts.orders.OrderStatus;
import java.time.Instant;

/**
 * One row of an order's status history: the move, its reason (a fixed slug such as {@code cancelled-by-seller}
 * or {@code PAYMENT_DECLINED}) and the note of whoever made it (a seller's or OPS's words on a cancellation,
 * the shopper's on a return; null on the moves without one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderHistory(OrderStatus from, OrderStatus to, String reason, Instant changedAt, String note) {

    /** A move without a note. */
    public OrderHistory(OrderStatus from, OrderStatus to, String reason, Instant changedAt) {
        this(from, to, reason, changedAt, null);
    }
}
