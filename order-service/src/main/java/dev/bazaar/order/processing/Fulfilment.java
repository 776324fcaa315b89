package dev.bazaar.order.processing;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * The seller's and OPS's moves of a placed order towards the shopper: PLACED -> PACKED -> SHIPPED ->
 * DELIVERED, one step at a time ({@code OrderTransitions}). Each is the compare-and-set of
 * {@link Orders#transition} from the status the order is in, with its history row and its event; a move the
 * table does not allow from there is a 409 naming that status. Asking for the status the order already has
 * answers it as it is (a retry after a lost answer changes nothing).
 */
@Service
class Fulfilment {

    private static final int ATTEMPTS = 3;

    private final Orders orders;

    Fulfilment(Orders orders) {
        this.orders = orders;
    }

    /** Moves the order to {@code to} (PACKED, SHIPPED or DELIVERED) as {@code actor}. */
    Order move(Actor actor, String orderId, OrderStatus to) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Order order = orders.find(orderId).orElseThrow(() -> Moves.notFound(orderId));
            if (order.status() == to) {
                return order;
            }
            boolean moved;
            try {
                moved = orders.transition(orderId, order.status(), to, actor.reason(to));
            } catch (ApiProblem illegal) {
                throw Moves.wrongStatus(order, to);
            }
            if (moved) {
                return orders.find(orderId).orElseThrow();
            }
            // Another move won the compare-and-set between the read and the update: look again.
        }
        throw ApiProblem.conflict("order-changing", "Order '" + orderId + "' keeps changing; try again")
                .with("orderId", orderId);
    }
}
