package dev.bazaar.order.lifecycle;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order as stored: its lines priced when it was taken, its status and the reason of its last move,
 * and the payment to follow while it waits for one.
 */
public record Order(
        String orderId,
        String userId,
        OrderStatus status,
        int version,
        String reason,
        String addressId,
        String pincode,
        String paymentMethod,
        Money total,
        String paymentId,
        String paymentRedirectUrl,
        Instant paymentDueAt,
        Instant createdAt,
        Instant updatedAt,
        List<Line> lines) {

    /**
     * One line: item-service's price when the order was taken, the warehouse that holds its stock, and the
     * supplier who sells it (the seller who fulfils it; null on lines taken before suppliers were recorded).
     */
    public record Line(
            String itemId, String title, int quantity, Money unitPrice, String warehouseId, String supplierId) {

        public Money lineTotal() {
            return new Money(Math.multiplyExact(unitPrice.minor(), quantity), unitPrice.currency());
        }
    }
}
