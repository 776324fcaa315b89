package dev.bazaar.contracts.shopping;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

public record WishlistChanged(UUID eventId, Instant occurredAt, String userId, Action action, String itemId)
        implements IntegrationEvent {

    public enum Action {
        ADDED,
        REMOVED
    }

    @Override
    public String topic() {
        return Topics.WISHLIST_EVENTS;
    }

    @Override
    public String key() {
        return userId;
    }
}
