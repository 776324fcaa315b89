package dev.bazaar.contracts.shopping;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A cart line was added, changed or removed; quantity is the line's quantity after the change. A
 * signed-in shopper's cart has {@code userId} (and no guestId); a guest cart has {@code guestId}, a
 * random id of the guest cart that says nothing about its token (and no userId).
 */
public record CartChanged(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String guestId,
        Action action,
        String itemId,
        int quantity,
        Money unitPrice)
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
    /** The user id, or {@code guest:<guestId>} for a guest cart, so one cart's events stay in order. */
    public String key() {
        return userId != null ? userId : "guest:" + guestId;
    }
}
