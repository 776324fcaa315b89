package dev.bazaar.notification.notice;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something a customer or seller is told about, as the event said it: the event's id, what happened to which
 * order of whom, its lines and the amount (the order's total; a refund's amount). Stored as JSON in
 * {@code notice.payload}, so every delivery, however late or replayed, renders from the event itself.
 *
 * @param from the order's status before (null for a refund)
 * @param reason the transition's reason (a cancellation's: {@code cancelled-by-seller}, …), or null
 */
public record Notice(
        UUID eventId,
        Kind kind,
        String orderId,
        String userId,
        OrderStatus from,
        String reason,
        List<OrderLine> lines,
        Money amount,
        Instant occurredAt) {

    public enum Kind {
        ORDER_PLACED,
        ORDER_SHIPPED,
        ORDER_DELIVERED,
        ORDER_CANCELLED,
        PAYMENT_REFUNDED
    }

    /** Who cancelled, from the reason's prefix (contract: {@code cancelled-by-customer|seller|ops…}). */
    public enum Canceller {
        CUSTOMER,
        SELLER,
        OPS,
        /** The payment's outcome cancelled it (declined, failed, timed out, captured too late). */
        PAYMENT;

        public static Canceller of(String reason) {
            String normalised = reason == null
                    ? ""
                    : reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (normalised.startsWith("cancelled-by-seller")) {
                return SELLER;
            }
            if (normalised.startsWith("cancelled-by-ops")) {
                return OPS;
            }
            if (normalised.startsWith("cancelled-by-customer") || normalised.startsWith("cancelled-by-shopper")) {
                return CUSTOMER;
            }
            return PAYMENT;
        }
    }

    /** The distinct suppliers of the lines (a line of an old order may have none). */
    public List<String> suppliers() {
        return lines == null
                ? List.of()
                : lines.stream()
                        .map(OrderLine::supplierId)
                        .filter(id -> id != null && !id.isBlank())
                        .distinct()
                        .toList();
    }
}
