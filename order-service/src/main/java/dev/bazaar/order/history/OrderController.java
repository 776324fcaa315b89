package dev.bazaar.order.history;

import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.OrderView;
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

    /** {@code nextCursor} is null on the last page. */
    record OrderPage(List<OrderView> orders, String nextCursor, int size) {}

    record OpsOrder(String userId, OrderView order, List<OrderHistory> history) {}

    private final MergedOrders orders;

    OrderController(MergedOrders orders) {
        this.orders = orders;
    }

    /**
     * The shopper's orders, live and archived, newest first; {@code cursor} is the previous page's
     * {@code nextCursor} (none: the first page). A malformed cursor is 400 {@code invalid-cursor}.
     */
    @GetMapping("/api/orders")
    OrderPage mine(
            @AuthenticationPrincipal Jwt user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        HistoryCursor after = cursor == null || cursor.isEmpty() ? null : HistoryCursor.decode(cursor);
        MergedOrders.Page page = orders.page(user.getSubject(), after, size);
        return new OrderPage(
                page.orders().stream().map(OrderView::of).toList(),
                page.next() == null ? null : page.next().encode(),
                size);
    }

    /** The shopper's order, live or archived. */
    @GetMapping("/api/orders/{orderId}")
    OrderView one(@AuthenticationPrincipal Jwt user, @PathVariable String orderId) {
        return orders.findOf(user.getSubject(), orderId)
                .map(OrderView::of)
                .orElseThrow(() -> ApiProblem.notFound("Order", orderId));
    }

    @GetMapping("/api/ops/orders/{orderId}")
    @PreAuthorize("hasRole('OPS')")
    OpsOrder ops(@PathVariable String orderId) {
        return orders.findWithHistory(orderId)
                .map(found -> new OpsOrder(found.order().userId(), OrderView.of(found.order()), found.history()))
                .orElseThrow(() -> ApiProblem.notFound("Order", orderId));
    }
}
