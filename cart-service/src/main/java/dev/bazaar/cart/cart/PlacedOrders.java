package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.starter.idempotency.ProcessedEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code orders.events.v1}: once an order is PLACED (paid), what it bought leaves the shopper's
 * signed-in cart ({@link Carts#removeOrdered}); every other transition is ignored. Not taken out at
 * checkout, so a cancelled or unpaid order leaves the cart as it was. Taking out is not idempotent
 * by itself (a replay would take the quantities again, or a line the shopper added since), so the
 * starter's {@link ProcessedEvents} records the event id in the same transaction and a redelivery is
 * skipped. A malformed event throws, and the starter's error handler parks it on the DLT.
 */
@Component
class PlacedOrders {

    static final String CONSUMER = "cart-placed-orders";

    private final Carts carts;
    private final ProcessedEvents processed;

    PlacedOrders(Carts carts, ProcessedEvents processed) {
        this.carts = carts;
        this.processed = processed;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.ORDER_EVENTS)
    void on(OrderStatusChanged event) {
        if (event.to() != OrderStatus.PLACED) {
            return;
        }
        require(event.eventId() != null, "OrderStatusChanged without eventId: order " + event.orderId());
        require(
                event.userId() != null && !event.userId().isBlank(),
                "OrderStatusChanged without userId: order " + event.orderId());
        require(
                event.lines() != null && !event.lines().isEmpty(),
                "OrderStatusChanged PLACED without lines: order " + event.orderId());
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (OrderLine line : event.lines()) {
            require(
                    line != null && ItemIds.isValid(line.itemId()),
                    "OrderStatusChanged line without a valid itemId: order " + event.orderId());
            require(line.quantity() > 0, "OrderStatusChanged line quantity below 1: order " + event.orderId());
            // One item on two lines (two warehouses, say) is taken out once, summed.
            ordered.merge(line.itemId(), line.quantity(), Integer::sum);
        }
        processed.runOnce(CONSUMER, event.eventId(), () -> carts.removeOrdered(event.userId(), ordered));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
