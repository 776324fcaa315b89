package dev.bazaar.order.processing;

import dev.bazaar.contracts.orders.OrderStatus;
import java.util.Locale;

/**
 * Who moves an order: the shopper who bought it, the seller whose items it holds, or OPS. Each move's reason
 * names the move and its maker ({@code packed-by-seller}, {@code cancelled-by-customer}): a fixed slug on the
 * order, its history row and its {@code OrderStatusChanged}, so a consumer such as notification-service can
 * tell that the seller cancelled without reading anyone's words (those are the move's note).
 */
enum Actor {
    CUSTOMER,
    SELLER,
    OPS;

    /** {@code <status>-by-<actor>}, e.g. {@code cancelled-by-seller}. */
    String reason(OrderStatus to) {
        return to.name().toLowerCase(Locale.ROOT) + "-by-" + name().toLowerCase(Locale.ROOT);
    }
}
