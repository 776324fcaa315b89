package dev.bazaar.order.history;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.contracts.orders.OrderStatus.PLACED;

import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.order.payment.Settlement;
import dev.bazaar.order.peers.Payments;
import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * The shopper cancels their order while it is PAYMENT_PENDING or PLACED (not once packed):
 * <ul>
 *   <li>PAYMENT_PENDING: as a decline ({@link Settlement#cancelPending}): the stock is released, then
 *       CANCELLED. If the payment's capture confirmed the stock first, the order is placed instead and this
 *       cancels it as a placed one.</li>
 *   <li>PLACED: CANCELLED, then the payment is refunded in full. The stock stays sold in inventory-service
 *       (it has no return-to-stock yet); OPS puts it back with an adjustment.</li>
 * </ul>
 * Cancelling a cancelled order answers it as it is, and asks for the refund again if it had been placed
 * (a refund that failed the first time, payment-service down, is retried so). Any other status: 409
 * {@code order-not-cancellable}.
 */
@Service
class ShopperCancel {

    private final Orders orders;
    private final Settlement settlement;
    private final Payments payments;

    ShopperCancel(Orders orders, Settlement settlement, Payments payments) {
        this.orders = orders;
        this.settlement = settlement;
        this.payments = payments;
    }

    Order cancel(String userId, String orderId) {
        Order order = orders.findOf(userId, orderId).orElseThrow(() -> ApiProblem.notFound("Order", orderId));
        if (order.status() == PAYMENT_PENDING) {
            settlement.cancelPending(orderId, Settlement.CANCELLED_BY_SHOPPER);
            order = orders.find(orderId).orElseThrow();
        }
        if (order.status() == PLACED) {
            orders.transition(orderId, PLACED, CANCELLED, Settlement.CANCELLED_BY_SHOPPER);
            order = orders.find(orderId).orElseThrow();
        }
        if (order.status() != CANCELLED) {
            throw ApiProblem.conflict(
                            "order-not-cancellable",
                            "An order can be cancelled while its payment is pending or once placed, not when "
                                    + order.status())
                    .with("status", order.status());
        }
        boolean wasPlaced = orders.history(orderId).stream().anyMatch(step -> step.to() == PLACED);
        if (wasPlaced) {
            payments.refund(orderId);
        }
        return order;
    }
}
