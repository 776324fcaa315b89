package dev.bazaar.order.reconciliation;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import java.time.Instant;
import java.util.List;

/**
 * What reconciliation needs of an order, live or archived: its status, whether it ever reached PLACED (from
 * its status history: a CANCELLED order was paid for or not), its lines and total, and its version and last
 * change (an order that changed within the grace is still moving and is left for the next run).
 */
record OrderSnapshot(
        String orderId,
        OrderStatus status,
        int version,
        boolean placed,
        Money total,
        Instant updatedAt,
        boolean live,
        List<Line> lines) {

    record Line(String itemId, int quantity, String warehouseId) {}

    static OrderSnapshot of(Order order, List<OrderHistory> history, boolean live) {
        return new OrderSnapshot(
                order.orderId(),
                order.status(),
                order.version(),
                history.stream().anyMatch(step -> step.to() == OrderStatus.PLACED),
                order.total(),
                order.updatedAt(),
                live,
                order.lines().stream()
                        .map(line -> new Line(line.itemId(), line.quantity(), line.warehouseId()))
                        .toList());
    }
}
