package dev.bazaar.contracts.shopping;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in shopper's wishlist gained or lost an item (wishlists have no guests, and one entry per
 * item, so no quantity). {@code price} is the entry's added price: item-service's price at the add
 * for {@code ADDED}, and the same price again for {@code REMOVED}, as {@link CartChanged} carries a
 * removed line's added price: a removal never waits for item-service, so it works while item-service
 * is down, and a consumer pairs the two events of one entry at one price.
 */
public record WishlistChanged(
        UUID eventId, Instant occurredAt, String userId, Action action, String itemId, Money price)
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
