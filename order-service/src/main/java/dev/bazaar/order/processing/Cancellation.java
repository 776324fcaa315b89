package dev.bazaar.order.processing;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.order.payment.Settlement;
import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling an order, by its shopper, its seller or OPS, with the reason {@code cancelled-by-<actor>} and the
 * canceller's words as the move's note.
 * <ul>
 *   <li>The shopper, while PAYMENT_PENDING: as a decline ({@link Settlement#cancelPending}): the stock is
 *       released, then CANCELLED. If the payment's capture confirmed the stock first, the order is placed
 *       instead, and this cancels it as a placed one.</li>
 *   <li>The shopper while PLACED; the seller or OPS while PLACED or PACKED (before it ships): the move to
 *       CANCELLED and the debt of its restock and refund ({@link Compensations#owe}) in one transaction, then
 *       both calls; one that fails is retried by {@link CompensationSweeper} until done.</li>
 * </ul>
 * Cancelling a cancelled order answers it as it is, and settles now whatever it still owes (so a refund that
 * failed is retried at once). Any other status: 409 {@code order-not-cancellable} naming it.
 */
@Service
class Cancellation {

    private static final int ATTEMPTS = 3;

    private final Orders orders;
    private final Settlement settlement;
    private final Compensations compensations;
    private final TransactionTemplate transaction;

    Cancellation(Orders orders, Settlement settlement, Compensations compensations, TransactionTemplate transaction) {
        this.orders = orders;
        this.settlement = settlement;
        this.compensations = compensations;
        this.transaction = transaction;
    }

    /** The order as it is after the cancellation; {@code note} may be null for the shopper. */
    Order cancel(Actor actor, String orderId, String note) {
        String reason = actor.reason(CANCELLED);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Order order = orders.find(orderId).orElseThrow(() -> Moves.notFound(orderId));
            switch (order.status()) {
                case CANCELLED -> {
                    compensations.settle(orderId);
                    return order;
                }
                case PAYMENT_PENDING -> {
                    if (actor != Actor.CUSTOMER) {
                        throw notCancellable(actor, order);
                    }
                    // Released then CANCELLED, or the capture won and it is PLACED: either way, look again.
                    settlement.cancelPending(orderId, reason);
                }
                case PLACED, PACKED -> {
                    if (order.status() == PACKED && actor == Actor.CUSTOMER) {
                        throw notCancellable(actor, order);
                    }
                    if (cancelPaid(orderId, order.status(), reason, note)) {
                        compensations.settle(orderId);
                        return orders.find(orderId).orElseThrow();
                    }
                    // Lost the compare-and-set to another move (packed, shipped meanwhile): look again.
                }
                default -> throw notCancellable(actor, order);
            }
        }
        throw notCancellable(actor, orders.find(orderId).orElseThrow(() -> Moves.notFound(orderId)));
    }

    /** The move and the debt of its restock and refund, together or not at all. */
    private boolean cancelPaid(String orderId, OrderStatus from, String reason, String note) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean moved = orders.transition(orderId, from, CANCELLED, reason, note);
            if (moved) {
                compensations.owe(orderId, CANCELLED);
            }
            return moved;
        }));
    }

    private static ApiProblem notCancellable(Actor actor, Order order) {
        String when = actor == Actor.CUSTOMER
                ? "while its payment is pending or once placed, before it is packed"
                : "once placed, until it ships";
        return ApiProblem.conflict(
                        "order-not-cancellable",
                        "Order '" + order.orderId() + "' is " + order.status() + "; it can be cancelled " + when)
                .with("orderId", order.orderId())
                .with("status", order.status());
    }
}
