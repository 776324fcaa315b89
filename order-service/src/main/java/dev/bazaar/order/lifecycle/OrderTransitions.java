package dev.bazaar.order.lifecycle;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.CREATED;
import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;
import static dev.bazaar.contracts.orders.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.contracts.orders.OrderStatus.PLACED;
import static dev.bazaar.contracts.orders.OrderStatus.RETURNED;
import static dev.bazaar.contracts.orders.OrderStatus.SHIPPED;

import dev.bazaar.contracts.orders.OrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every transition an order may take, in one place. {@link Orders#transition} refuses any other before it
 * touches the database. CANCELLED and RETURNED are final; DELIVERED can only be returned. Once SHIPPED, an
 * order can no longer be cancelled (it is on its way); who may make which move (shopper, seller, OPS) is
 * the processing package's rule on top of this table.
 *
 * <pre>
 * CREATED -> PAYMENT_PENDING -> PLACED -> PACKED -> SHIPPED -> DELIVERED -> RETURNED
 *    \______________\______________\_________\-> CANCELLED
 * </pre>
 */
final class OrderTransitions {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            CREATED, EnumSet.of(PAYMENT_PENDING, CANCELLED),
            PAYMENT_PENDING, EnumSet.of(PLACED, CANCELLED),
            PLACED, EnumSet.of(PACKED, CANCELLED),
            PACKED, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.of(DELIVERED),
            DELIVERED, EnumSet.of(RETURNED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            RETURNED, EnumSet.noneOf(OrderStatus.class));

    private OrderTransitions() {}

    static boolean allowed(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }
}
