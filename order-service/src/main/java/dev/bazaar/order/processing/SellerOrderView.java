package dev.bazaar.order.processing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import java.time.Instant;
import java.util.List;

/**
 * An order as one of its sellers sees it: only their own lines (what they pack and ship, from which warehouse;
 * another seller's items and prices are none of theirs, nor the shopper's payment), whether other sellers have
 * lines in it too ({@code otherSellers}: then only OPS changes it), where it goes, and on a single order its
 * status history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SellerOrderView(
        String orderId,
        OrderStatus status,
        String reason,
        List<Line> lines,
        boolean otherSellers,
        String pincode,
        Instant createdAt,
        Instant updatedAt,
        List<OrderHistory> history) {

    record Line(String itemId, String title, int quantity, Money unitPrice, Money lineTotal, String warehouseId) {}

    static SellerOrderView of(String supplierId, Order order, List<OrderHistory> history) {
        return new SellerOrderView(
                order.orderId(),
                order.status(),
                order.reason(),
                order.lines().stream()
                        .filter(line -> supplierId.equals(line.supplierId()))
                        .map(line -> new Line(
                                line.itemId(),
                                line.title(),
                                line.quantity(),
                                line.unitPrice(),
                                line.lineTotal(),
                                line.warehouseId()))
                        .toList(),
                !SellerOrders.onlyOf(supplierId, order),
                order.pincode(),
                order.createdAt(),
                order.updatedAt(),
                history);
    }
}
