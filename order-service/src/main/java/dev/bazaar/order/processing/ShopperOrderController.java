package dev.bazaar.order.processing;

import dev.bazaar.order.lifecycle.OrderView;
import dev.bazaar.order.lifecycle.Orders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's own moves: cancel ({@link Cancellation}) and return ({@link Returns}). Another shopper's order
 * is 404, as one that does not exist.
 */
@RestController
class ShopperOrderController {

    /** The shopper may say why they cancel; nothing is required. */
    record CancelRequest(@Size(max = 500) String reason) {}

    private final Orders orders;
    private final Cancellation cancellation;
    private final Returns returns;

    ShopperOrderController(Orders orders, Cancellation cancellation, Returns returns) {
        this.orders = orders;
        this.cancellation = cancellation;
        this.returns = returns;
    }

    /** PAYMENT_PENDING or PLACED -> CANCELLED ({@code cancelled-by-customer}). */
    @PostMapping("/api/orders/{orderId}/cancel")
    OrderView cancel(
            @AuthenticationPrincipal Jwt user,
            @PathVariable String orderId,
            @Valid @RequestBody(required = false) CancelRequest request) {
        mine(user, orderId);
        return OrderView.of(cancellation.cancel(Actor.CUSTOMER, orderId, request == null ? null : request.reason()));
    }

    /** DELIVERED -> RETURNED ({@code returned-by-customer}) within the return window. */
    @PostMapping("/api/orders/{orderId}/return")
    OrderView returnOrder(
            @AuthenticationPrincipal Jwt user,
            @PathVariable String orderId,
            @Valid @RequestBody ReasonRequest request) {
        mine(user, orderId);
        return OrderView.of(returns.returnOrder(Actor.CUSTOMER, orderId, request.reason()));
    }

    private void mine(Jwt user, String orderId) {
        orders.findOf(user.getSubject(), orderId).orElseThrow(() -> Moves.notFound(orderId));
    }
}
