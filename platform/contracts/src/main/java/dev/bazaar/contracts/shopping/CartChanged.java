package dev.bazaar.contracts.shopping;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** A cart line was added, changed or removed; quantity is the line's quantity after the change. */
public record CartChanged(
        UUID eventId, Instant occurredAt, String userId, Action action, String itemId, int quantity, Money unitPrice)
        implements IntegrationEvent {

    public enum Action {
        ADDED,
        UPDATED,
        REMOVED,
        CLEARED
    }

    @Override
    public String topic() {
        return Topics.CART_EVENTS;
    }

    @Override
    public String key() {
        return userId;
    }
}
