package dev.bazaar.order.history;

import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.OrderView;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shopper's own orders (another shopper's order is 404, as one that does not exist: its id tells nothing)
 * and OPS's view of any order with its status history. The shopper's cancel and return are processing's
 * ({@code ShopperOrderController}).
 */
@RestController
@Validated
class OrderController {

    record OrderPage(List<OrderView> orders, int page, int size, long totalElements) {}

    record OpsOrder(String userId, OrderView order, List<OrderHistory> history) {}

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    /** Newest first. */
    @GetMapping("/api/orders")
    OrderPage mine(
            @AuthenticationPrincipal Jwt user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Orders.Page found = orders.ofUser(user.getSubject(), page, size);
        return new OrderPage(found.orders().stream().map(OrderView::of).toList(), page, size, found.total());
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView one(@AuthenticationPrincipal Jwt user, @PathVariable String orderId) {
        return orders.findOf(user.getSubject(), orderId)
                .map(OrderView::of)
                .orElseThrow(() -> ApiProblem.notFound("Order", orderId));
    }

    @GetMapping("/api/ops/orders/{orderId}")
    @PreAuthorize("hasRole('OPS')")
    OpsOrder ops(@PathVariable String orderId) {
        return orders.find(orderId)
                .map(order -> new OpsOrder(order.userId(), OrderView.of(order), orders.history(orderId)))
                .orElseThrow(() -> ApiProblem.notFound("Order", orderId));
    }
}
