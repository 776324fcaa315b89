package dev.bazaar.order.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order as the shopper sees it: priced lines with the warehouse each ships from, the total, the payment to
 * follow (the PSP's hosted page) and until when it may be paid ({@code expiresAt}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        String orderId,
        OrderStatus status,
        String reason,
        List<LineView> lines,
        Money total,
        PaymentView payment,
        Instant expiresAt,
        String pincode,
        String addressId,
        Instant createdAt,
        Instant updatedAt) {

    public record LineView(
            String itemId, String title, int quantity, Money unitPrice, Money lineTotal, String warehouseId) {}

    public record PaymentView(String paymentId, String method, String redirectUrl) {}

    public static OrderView of(Order order) {
        return new OrderView(
                order.orderId(),
                order.status(),
                order.reason(),
                order.lines().stream()
                        .map(line -> new LineView(
                                line.itemId(),
                                line.title(),
                                line.quantity(),
                                line.unitPrice(),
                                line.lineTotal(),
                                line.warehouseId()))
                        .toList(),
                order.total(),
                order.paymentId() == null
                        ? null
                        : new PaymentView(order.paymentId(), order.paymentMethod(), order.paymentRedirectUrl()),
                order.paymentDueAt(),
                order.pincode(),
                order.addressId(),
                order.createdAt(),
                order.updatedAt());
    }
}
