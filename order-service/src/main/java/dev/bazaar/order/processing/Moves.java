package dev.bazaar.order.processing;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.starter.problem.ApiProblem;

/** The refusals every move shares, each a problem naming the order's current status. */
final class Moves {

    private Moves() {}

    static ApiProblem notFound(String orderId) {
        return ApiProblem.notFound("Order", orderId);
    }

    /** 409 {@code illegal-transition}: the order is not in a status this move starts from. */
    static ApiProblem wrongStatus(Order order, OrderStatus to) {
        return ApiProblem.conflict(
                        "illegal-transition",
                        "Order '" + order.orderId() + "' is " + order.status() + "; it cannot become " + to
                                + " from there. Nothing changed")
                .with("orderId", order.orderId())
                .with("status", order.status())
                .with("from", order.status())
                .with("to", to);
    }
}
