package dev.bazaar.order.payment;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.contracts.payments.PaymentCompleted;
import dev.bazaar.starter.idempotency.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code payments.events.v1}: a {@link PaymentCompleted} settles its order ({@link Settlement}); other events
 * on the topic (PaymentRefunded) need nothing here. Each event once (the starter's {@link ProcessedEvents},
 * in the effect's transaction); an effect that fails (inventory-service down) leaves no mark and is
 * retried, and past the retries the payment timeout settles the order anyway, asking payment-service.
 */
@Component
class PaymentEventsListener {

    static final String CONSUMER = "order-service.payments";
    private static final String COMPLETED = "dev.bazaar." + PaymentCompleted.class.getSimpleName();

    private final ProcessedEvents processed;
    private final Settlement settlement;
    private final JsonMapper json;

    PaymentEventsListener(ProcessedEvents processed, Settlement settlement, JsonMapper json) {
        this.processed = processed;
        this.settlement = settlement;
        this.json = json;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.PAYMENT_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (!CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE)
                .map(COMPLETED::equals)
                .orElse(false)) {
            return;
        }
        PaymentCompleted event = json.readValue(record.value(), PaymentCompleted.class);
        if (event.orderId() == null || event.outcome() == null) {
            throw new IllegalArgumentException("PaymentCompleted without orderId or outcome: " + event);
        }
        processed.runOnce(CONSUMER, record, () -> {
            switch (event.outcome()) {
                case SUCCEEDED -> settlement.captured(event.orderId());
                case DECLINED -> settlement.cancelPending(event.orderId(), Settlement.PAYMENT_DECLINED);
                case FAILED -> settlement.cancelPending(event.orderId(), Settlement.PAYMENT_FAILED);
            }
        });
    }
}
