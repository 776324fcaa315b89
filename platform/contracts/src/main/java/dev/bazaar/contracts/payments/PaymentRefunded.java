package dev.bazaar.contracts.payments;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** A captured payment was refunded in full at the payment service provider (published once per payment). */
public record PaymentRefunded(UUID eventId, Instant occurredAt, String paymentId, String orderId, Money amount)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.PAYMENT_EVENTS;
    }

    @Override
    public String key() {
        return orderId;
    }
}
