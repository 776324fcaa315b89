package dev.bazaar.notification.notice;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code orders.events.v1}: PLACED, SHIPPED, DELIVERED and CANCELLED become notices and their deliveries
 * ({@link Notices}); every event, whatever its transition, records whose order it is, for a refund. Each
 * event once by its id (INSERT IGNORE in one transaction), so a redelivery plans nothing. A malformed event
 * throws, and the starter's error handler parks it on the DLT.
 */
@Component
class OrderEventsListener {

    private final Notices notices;

    OrderEventsListener(Notices notices) {
        this.notices = notices;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.ORDER_EVENTS)
    void on(OrderStatusChanged event) {
        require(event.eventId() != null, "OrderStatusChanged without eventId: order " + event.orderId());
        require(event.orderId() != null && !event.orderId().isBlank(), "OrderStatusChanged without orderId");
        require(
                event.userId() != null && !event.userId().isBlank(),
                "OrderStatusChanged without userId: order " + event.orderId());
        require(event.to() != null, "OrderStatusChanged without to: order " + event.orderId());
        Notice.Kind kind = switch (event.to()) {
            case PLACED -> Notice.Kind.ORDER_PLACED;
            case SHIPPED -> Notice.Kind.ORDER_SHIPPED;
            case DELIVERED -> Notice.Kind.ORDER_DELIVERED;
            case CANCELLED -> Notice.Kind.ORDER_CANCELLED;
            default -> null;
        };
        Notice notice = kind == null
                ? null
                : new Notice(
                        event.eventId(),
                        kind,
                        event.orderId(),
                        event.userId(),
                        event.from(),
                        event.reason(),
                        event.lines() == null ? List.of() : event.lines(),
                        event.total(),
                        event.occurredAt() == null ? Instant.now() : event.occurredAt());
        notices.orderChanged(event.orderId(), event.userId(), notice);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
