package dev.bazaar.notification.notice;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.notification.NotificationProperties;
import dev.bazaar.notification.delivery.Audience;
import dev.bazaar.notification.delivery.Deliveries;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices (table {@code notice}) and the deliveries each plans, in one transaction: a notice and its
 * deliveries are both there or neither. Everything is INSERT IGNORE, keyed by the event id (and channel and
 * recipient), so an event delivered twice, or consumed again after a crash, plans nothing twice.
 */
@Repository
public class Notices {

    /** Once a seller was told of an order (PLACED), they are told if it is cancelled. */
    private static final Set<OrderStatus> SELLER_KNEW =
            EnumSet.of(OrderStatus.PLACED, OrderStatus.PACKED, OrderStatus.SHIPPED);

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Duration maxEventAge;

    Notices(JdbcClient jdbc, Deliveries deliveries, JsonMapper json, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.json = json;
        this.maxEventAge = properties.maxEventAge();
    }

    /** Remembers whose order it is (for a refund later), then records the notice, if any, and plans it. */
    @Transactional
    void orderChanged(String orderId, String userId, Notice notice) {
        jdbc.sql("INSERT IGNORE INTO known_order (order_id, user_id) VALUES (?, ?)")
                .params(orderId, userId)
                .update();
        if (notice != null) {
            record(notice);
            planFor(notice);
        }
    }

    /** A refund: planned for the order's shopper at once when known, else when an order event names them. */
    @Transactional
    void refunded(Notice refund) {
        String userId = jdbc.sql("SELECT user_id FROM known_order WHERE order_id = ?")
                .param(refund.orderId())
                .query(String.class)
                .optional()
                .orElse(null);
        Notice notice = withUser(refund, userId);
        record(notice);
        if (userId != null) {
            planFor(notice);
        }
    }

    /**
     * Refunds recorded before any event of their order (the two topics are consumed apart): those whose order
     * is known by now get the shopper and their deliveries.
     *
     * @return how many were planned
     */
    @Transactional
    public int planWaitingRefunds(int limit) {
        List<String> waiting = jdbc.sql("""
                        SELECT n.event_id FROM notice n JOIN known_order k ON k.order_id = n.order_id
                        WHERE n.user_id IS NULL LIMIT ? FOR UPDATE""").param(limit).query(String.class).list();
        int planned = 0;
        for (String eventId : waiting) {
            Notice notice = find(UUID.fromString(eventId)).orElseThrow();
            String userId = jdbc.sql("SELECT user_id FROM known_order WHERE order_id = ?")
                    .param(notice.orderId())
                    .query(String.class)
                    .single();
            Notice attached = withUser(notice, userId);
            jdbc.sql("UPDATE notice SET user_id = ?, payload = ? WHERE event_id = ? AND user_id IS NULL")
                    .params(userId, json.writeValueAsString(attached), eventId)
                    .update();
            planFor(attached);
            planned++;
        }
        return planned;
    }

    public Optional<Notice> find(UUID eventId) {
        return jdbc.sql("SELECT payload FROM notice WHERE event_id = ?")
                .param(eventId.toString())
                .query(String.class)
                .optional()
                .map(payload -> json.readValue(payload, Notice.class));
    }

    private void record(Notice notice) {
        jdbc.sql("""
                        INSERT IGNORE INTO notice (event_id, kind, order_id, user_id, payload, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        notice.eventId().toString(),
                        notice.kind().name(),
                        notice.orderId(),
                        notice.userId(),
                        json.writeValueAsString(notice),
                        Timestamp.from(notice.occurredAt()))
                .update();
    }

    /** The customer always; the sellers of the lines on a new order and on a cancellation of one they knew. */
    private void planFor(Notice notice) {
        if (notice.occurredAt().isBefore(Instant.now().minus(maxEventAge))) {
            log.info(
                    "Event {} ({} of order {}, {}) is older than {}: no one is told",
                    notice.eventId(),
                    notice.kind(),
                    notice.orderId(),
                    notice.occurredAt(),
                    maxEventAge);
            return;
        }
        deliveries.plan(notice.eventId(), Audience.CUSTOMER, notice.userId());
        boolean sellers = switch (notice.kind()) {
            case ORDER_PLACED -> true;
            case ORDER_CANCELLED -> SELLER_KNEW.contains(notice.from());
            default -> false;
        };
        if (sellers) {
            for (String supplierId : notice.suppliers()) {
                deliveries.plan(notice.eventId(), Audience.SELLER, supplierId);
            }
        }
    }

    private static Notice withUser(Notice notice, String userId) {
        return new Notice(
                notice.eventId(),
                notice.kind(),
                notice.orderId(),
                userId,
                notice.from(),
                notice.reason(),
                notice.lines(),
                notice.amount(),
                notice.occurredAt());
    }
}
