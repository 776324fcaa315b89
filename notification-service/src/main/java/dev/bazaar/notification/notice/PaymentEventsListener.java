package dev.bazaar.notification.notice;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.contracts.payments.PaymentRefunded;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code payments.events.v1}: a {@link PaymentRefunded} tells the order's shopper their money is on its way
 * back; other events on the topic (PaymentCompleted) need nothing here (the order's own PLACED or CANCELLED
 * event says it). Once per event id, as {@link OrderEventsListener}.
 */
@Component
class PaymentEventsListener {

    private static final String REFUNDED = "dev.bazaar." + PaymentRefunded.class.getSimpleName();

    private final Notices notices;
    private final JsonMapper json;

    PaymentEventsListener(Notices notices, JsonMapper json) {
        this.notices = notices;
        this.json = json;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.PAYMENT_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (!CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE)
                .map(REFUNDED::equals)
                .orElse(false)) {
            return;
        }
        PaymentRefunded event = json.readValue(record.value(), PaymentRefunded.class);
        if (event.eventId() == null
                || event.orderId() == null
                || event.orderId().isBlank()
                || event.amount() == null) {
            throw new IllegalArgumentException("PaymentRefunded without eventId, orderId or amount: " + event);
        }
        notices.refunded(new Notice(
                event.eventId(),
                Notice.Kind.PAYMENT_REFUNDED,
                event.orderId(),
                null,
                null,
                null,
                List.of(),
                event.amount(),
                event.occurredAt() == null ? Instant.now() : event.occurredAt()));
    }
}
