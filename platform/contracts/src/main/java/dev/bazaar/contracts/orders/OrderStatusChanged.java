package dev.bazaar.contracts.orders;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every transition of an order, with enough of the order for notifications and analytics. */
public record OrderStatusChanged(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String userId,
        OrderStatus from,
        OrderStatus to,
        String reason,
        List<OrderLine> lines,
        Money total)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.ORDER_EVENTS;
    }

    @Override
    public String key() {
        return orderId;
    }
}
