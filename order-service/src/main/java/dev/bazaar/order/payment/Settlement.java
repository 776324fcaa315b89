package dev.bazaar.order.payment;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.CREATED;
import static dev.bazaar.contracts.orders.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.contracts.orders.OrderStatus.PLACED;

import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.order.peers.Inventory;
import dev.bazaar.order.peers.Payments;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How a PAYMENT_PENDING order ends, whichever way the news arrives (a payment event, the payment timeout,
 * the sweeper, the shopper). The inventory reservation's own compare-and-set decides a race between a
 * capture and a cancellation: a capture first confirms the reservation and only then places the order; a
 * cancellation first releases it and only then cancels the order. Whichever of confirm and release lands
 * first wins; the other is refused by inventory-service and its caller follows the winner. So no order is
 * PLACED without its stock, and none CANCELLED while holding it.
 *
 * <p><b>A capture that comes too late</b> (the timeout or the shopper cancelled first, so the reservation was
 * released): the order stays (or becomes) CANCELLED and the payment is refunded in full automatically. The
 * stock was already offered to other buyers; re-reserving it could oversell or fail at random.
 *
 * <p>Every step is idempotent (confirm, release and refund answer a repeat as the first; a status move is a
 * compare-and-set), so a redelivered event, a retry after a crash between two steps, or two instances
 * handling one expiry change nothing twice.
 */
@Service
public class Settlement {

    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    public static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";
    /** The taking stopped half-way (a crash between two of its steps): swept, stock released. */
    public static final String TAKING_INTERRUPTED = "TAKING_INTERRUPTED";
    /** Captured after the stock was released: cancelled and refunded. */
    public static final String CAPTURED_TOO_LATE = "CAPTURED_TOO_LATE";

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final Orders orders;
    private final Inventory inventory;
    private final Payments payments;

    Settlement(Orders orders, Inventory inventory, Payments payments) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
    }

    /** The payment was captured: confirm the stock, then PLACED; stock already released: cancel and refund. */
    public void captured(String orderId) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty()) {
            log.warn("Capture for unknown order {} ignored", orderId);
            return;
        }
        if (order.get().status() == PLACED) {
            return;
        }
        if (inventory.confirm(orderId) == Inventory.Settled.DONE) {
            orders.transition(orderId, PAYMENT_PENDING, PLACED, null);
            return;
        }
        // Released (or expired and swept) first: the stock may be sold to someone else by now.
        if (order.get().status() == PAYMENT_PENDING) {
            orders.transition(orderId, PAYMENT_PENDING, CANCELLED, CAPTURED_TOO_LATE);
        }
        payments.refund(orderId);
        log.info("Order {} captured after its stock was released: cancelled and refunded", orderId);
    }

    /**
     * Cancels a PAYMENT_PENDING order with {@code reason}: release the stock, then CANCELLED. False when it is
     * not PAYMENT_PENDING, or when the capture confirmed the stock first (the capture places it).
     */
    public boolean cancelPending(String orderId, String reason) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty() || order.get().status() != PAYMENT_PENDING) {
            return false;
        }
        if (inventory.release(orderId) == Inventory.Settled.LOST_TO_OTHER) {
            return false;
        }
        return orders.transition(orderId, PAYMENT_PENDING, CANCELLED, reason);
    }

    /**
     * An order left CREATED by a taking that stopped half-way: whatever it reserved is released, then it is
     * CANCELLED. Its shopper never got a payment page; a capture that came anyway would be refunded.
     */
    public void abandoned(String orderId) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty() || order.get().status() != CREATED) {
            return;
        }
        inventory.release(orderId);
        orders.transition(orderId, CREATED, CANCELLED, TAKING_INTERRUPTED);
    }

    /**
     * The payment timeout fell (the Redis key expired, or the sweeper found the order overdue): if the order
     * still waits, payment-service asks the PSP for the final state first, since the payment may have
     * succeeded late. Captured: placed. Anything else: cancelled ({@value #PAYMENT_TIMEOUT}) and released.
     * When payment-service cannot answer, an expiry leaves the order to the sweeper; the sweeper
     * ({@code overdue}) cancels it anyway: a capture that still comes is refunded (see {@link #captured}).
     */
    public void timedOut(String orderId, boolean overdue) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty() || order.get().status() != PAYMENT_PENDING) {
            return;
        }
        boolean captured;
        try {
            captured =
                    payments.refreshed(orderId).map(Payments.Payment::captured).orElse(false);
        } catch (ApiProblem unavailable) {
            if (!overdue) {
                log.warn(
                        "Payment of order {} unknown at its timeout ({}); the sweeper retries",
                        orderId,
                        unavailable.getMessage());
                return;
            }
            captured = false;
        }
        if (captured) {
            captured(orderId);
        } else {
            cancelPending(orderId, PAYMENT_TIMEOUT);
        }
    }
}
