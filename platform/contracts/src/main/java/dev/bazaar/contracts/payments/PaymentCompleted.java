package dev.bazaar.contracts.payments;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** The outcome of a payment attempt as confirmed by the payment service provider. */
public record PaymentCompleted(
        UUID eventId,
        Instant occurredAt,
        String paymentId,
        String orderId,
        Outcome outcome,
        Money amount,
        String failureReason)
        implements IntegrationEvent {

    public enum Outcome {
        SUCCEEDED,
        DECLINED,
        FAILED
    }

    @Override
    public String topic() {
        return Topics.PAYMENT_EVENTS;
    }

    @Override
    public String key() {
        return orderId;
    }
}
