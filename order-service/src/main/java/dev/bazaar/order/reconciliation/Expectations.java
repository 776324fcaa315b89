package dev.bazaar.order.reconciliation;

import dev.bazaar.order.reconciliation.Listings.Held;

/**
 * What inventory's ledger should hold for one line of {@code quantity} given the order's status, and what
 * payment-service should hold for the order: the rules of check (2) and (3), in one place.
 *
 * <ul>
 *   <li>CREATED (a taking under way, or stopped half-way and left to the sweeper): nothing sold; the line
 *       reserved or not, and released only if reserved.</li>
 *   <li>PAYMENT_PENDING: reserved, nothing else.</li>
 *   <li>PLACED, PACKED, SHIPPED, DELIVERED: reserved and sold (the confirmation).</li>
 *   <li>CANCELLED before it was placed: reserved and released, or never reserved (out of stock,
 *       undeliverable).</li>
 *   <li>CANCELLED after it was placed, RETURNED: sold, then restocked.</li>
 * </ul>
 */
final class Expectations {

    private Expectations() {}

    static Held ledger(OrderSnapshot order, int quantity, Held actual) {
        return switch (order.status()) {
            case CREATED ->
                actual.reserved() == 0 ? Held.NOTHING : new Held(quantity, 0, actual.released() == 0 ? 0 : quantity, 0);
            case PAYMENT_PENDING -> new Held(quantity, 0, 0, 0);
            case PLACED, PACKED, SHIPPED, DELIVERED -> new Held(quantity, quantity, 0, 0);
            case CANCELLED ->
                order.placed()
                        ? new Held(quantity, quantity, 0, quantity)
                        : actual.reserved() == 0 ? Held.NOTHING : new Held(quantity, 0, quantity, 0);
            case RETURNED -> new Held(quantity, quantity, 0, quantity);
        };
    }

    /**
     * The status the order's captured payment should have: CAPTURED while the order is placed or on its way,
     * REFUNDED once a placed order was cancelled or returned. Null where no captured payment is expected; a
     * CANCELLED order that never reached PLACED may still hold a REFUNDED one (captured after its stock was
     * released: refunded automatically), see {@link #refundedAllowed}.
     */
    static String payment(OrderSnapshot order) {
        if (!order.placed()) {
            return null;
        }
        return switch (order.status()) {
            case CANCELLED, RETURNED -> "REFUNDED";
            default -> "CAPTURED";
        };
    }

    /** A payment captured too late (the order was cancelled first) is refunded: that is the policy, not a mismatch. */
    static boolean refundedAllowed(OrderSnapshot order) {
        return !order.placed() && order.status() == dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
    }
}
