package dev.bazaar.order.processing;

import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;
import static dev.bazaar.contracts.orders.OrderStatus.SHIPPED;

import dev.bazaar.order.lifecycle.OrderView;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS moves any order, those of several sellers included: the same moves as a seller's
 * ({@code <status>-by-ops}), and a return on the shopper's behalf (within the same window).
 */
@RestController
@RequestMapping("/api/ops/orders/{orderId}")
@PreAuthorize("hasRole('OPS')")
class OpsFulfilmentController {

    private final Fulfilment fulfilment;
    private final Cancellation cancellation;
    private final Returns returns;

    OpsFulfilmentController(Fulfilment fulfilment, Cancellation cancellation, Returns returns) {
        this.fulfilment = fulfilment;
        this.cancellation = cancellation;
        this.returns = returns;
    }

    @PostMapping("/pack")
    OrderView pack(@PathVariable String orderId) {
        return OrderView.of(fulfilment.move(Actor.OPS, orderId, PACKED));
    }

    @PostMapping("/ship")
    OrderView ship(@PathVariable String orderId) {
        return OrderView.of(fulfilment.move(Actor.OPS, orderId, SHIPPED));
    }

    @PostMapping("/deliver")
    OrderView deliver(@PathVariable String orderId) {
        return OrderView.of(fulfilment.move(Actor.OPS, orderId, DELIVERED));
    }

    @PostMapping("/cancel")
    OrderView cancel(@PathVariable String orderId, @Valid @RequestBody ReasonRequest request) {
        return OrderView.of(cancellation.cancel(Actor.OPS, orderId, request.reason()));
    }

    @PostMapping("/return")
    OrderView returnOrder(@PathVariable String orderId, @Valid @RequestBody ReasonRequest request) {
        return OrderView.of(returns.returnOrder(Actor.OPS, orderId, request.reason()));
    }
}
