package dev.bazaar.order.processing;

import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.RETURNED;

import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivered order returned, by its shopper or OPS, within {@code bazaar.orders.return-window} of its
 * delivery: the window is part of the compare-and-set ({@link Orders#returnWithin}, the database's clock
 * against the DELIVERED history row's), so a return at the edge is in or out, never both. The move to RETURNED
 * and the debt of its restock and refund are one transaction; both calls follow, retried by
 * {@link CompensationSweeper} until done. A returned order asked again answers as it is (settling what it still
 * owes); one not delivered is 409 {@code illegal-transition}, one delivered too long ago 409
 * {@code return-window-closed}.
 */
@Service
class Returns {

    private final Orders orders;
    private final Compensations compensations;
    private final TransactionTemplate transaction;
    private final Duration window;

    Returns(Orders orders, Compensations compensations, TransactionTemplate transaction, OrderProperties properties) {
        this.orders = orders;
        this.compensations = compensations;
        this.transaction = transaction;
        this.window = properties.returnWindow();
    }

    Order returnOrder(Actor actor, String orderId, String note) {
        Order order = orders.find(orderId).orElseThrow(() -> Moves.notFound(orderId));
        if (order.status() == RETURNED) {
            compensations.settle(orderId);
            return order;
        }
        if (order.status() != DELIVERED) {
            throw Moves.wrongStatus(order, RETURNED);
        }
        boolean moved = Boolean.TRUE.equals(transaction.execute(status -> {
            boolean returned = orders.returnWithin(orderId, window, actor.reason(RETURNED), note);
            if (returned) {
                compensations.owe(orderId, RETURNED);
            }
            return returned;
        }));
        Order now = orders.find(orderId).orElseThrow(() -> Moves.notFound(orderId));
        if (moved) {
            compensations.settle(orderId);
            return now;
        }
        if (now.status() == RETURNED) {
            return now; // returned by a request at the same time
        }
        if (now.status() == DELIVERED) {
            ApiProblem closed = ApiProblem.conflict(
                            "return-window-closed",
                            "Order '" + orderId + "' was delivered more than " + window
                                    + " ago: the return window has closed")
                    .with("orderId", orderId)
                    .with("status", DELIVERED)
                    .with("returnWindow", window.toString());
            orders.history(orderId).stream()
                    .filter(step -> step.to() == DELIVERED)
                    .map(OrderHistory::changedAt)
                    .reduce((first, last) -> last)
                    .ifPresent(deliveredAt -> closed.with("deliveredAt", deliveredAt.toString()));
            throw closed;
        }
        throw Moves.wrongStatus(now, RETURNED);
    }
}
