package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.shopping.WishlistChanged;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.wishlist.WishlistProperties;
import dev.bazaar.wishlist.stock.ItemStocks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in shopper's wishlist. Every change runs in one transaction with its {@link
 * WishlistChanged} event (the starter's transactional outbox), so an event exists exactly when the
 * change does; a request that changes nothing (a second add, removing an absent item) has none.
 * item-service is asked before the transaction starts, never while a wishlist row is locked. Each
 * event carries the entry's added price (the contract's javadoc says why for REMOVED).
 */
@Service
class Wishlists {

    private final WishlistEntries entries;
    private final ItemStocks stocks;
    private final ItemCatalog catalog;
    private final CartClient cart;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final WishlistProperties properties;

    Wishlists(
            WishlistEntries entries,
            ItemStocks stocks,
            ItemCatalog catalog,
            CartClient cart,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            WishlistProperties properties) {
        this.entries = entries;
        this.stocks = stocks;
        this.catalog = catalog;
        this.cart = cart;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** @param created false when the item was already there (nothing changed, first price kept) */
    record Added(WishlistEntry entry, boolean created) {}

    Added add(String userId, String itemId) {
        requireItemId(itemId);
        var existing = entries.find(userId, itemId);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        CatalogItem item = catalog.find(List.of(itemId)).get(itemId);
        if (item == null) {
            throw ApiProblem.notFound("Item", itemId);
        }
        if (!item.active()) {
            throw ApiProblem.conflict("item-inactive", "Item '" + itemId + "' is no longer sold");
        }
        entries.ensureWishlist(userId);
        return transaction.execute(status -> {
            entries.lockWishlist(userId);
            // Looked at again under the lock: a parallel add of the same item may have won.
            var raced = entries.find(userId, itemId);
            if (raced.isPresent()) {
                return new Added(raced.get(), false);
            }
            if (entries.count(userId) >= properties.maxEntries()) {
                throw ApiProblem.badRequest(
                                "wishlist-limit",
                                "A wishlist holds at most " + properties.maxEntries()
                                        + " items (bazaar.wishlist.max-entries)")
                        .with("limit", properties.maxEntries());
            }
            entries.add(userId, itemId, item.price());
            publish(userId, WishlistChanged.Action.ADDED, itemId, item.price());
            return new Added(entries.find(userId, itemId).orElseThrow(), true);
        });
    }

    /** Removes the entry if it is there; removing an absent entry changes nothing and publishes nothing. */
    void remove(String userId, String itemId) {
        requireItemId(itemId);
        transaction.executeWithoutResult(status -> entries.lock(userId, itemId).ifPresent(entry -> {
            entries.remove(userId, itemId);
            publish(userId, WishlistChanged.Action.REMOVED, itemId, entry.addedPrice());
        }));
    }

    /**
     * Adds one to the shopper's cart (cart-service, as the shopper), then removes the entry. In this
     * order a refusal or an unreachable cart-service leaves the entry as it was, and a retry after
     * the move succeeded finds no entry (404) instead of adding again. The one window left: cart-service
     * took the item but its answer was lost (a timeout) or the removal here failed; the entry then
     * stays and a retry adds a second unit (README, "move-to-cart").
     */
    void moveToCart(String userId, String bearerToken, String itemId) {
        requireItemId(itemId);
        WishlistEntry entry =
                entries.find(userId, itemId).orElseThrow(() -> ApiProblem.notFound("Wishlist entry", itemId));
        // One key per entry (an entry added again later is another): if cart-service took the item but
        // its answer was lost, or the removal below failed, the retry's add is answered, not repeated.
        cart.addOne(
                bearerToken,
                itemId,
                "wishlist-move-" + itemId + "-" + entry.addedAt().toEpochMilli());
        remove(userId, itemId);
    }

    /** One page, newest first, priced now from item-service, with each item's stock as last heard. */
    PricedPage read(String userId, int page, int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("invalid-page", "page must be 0 or more, not " + page);
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw ApiProblem.badRequest(
                            "invalid-page", "size must be between 1 and " + properties.maxPageSize() + ", not " + size)
                    .with("limit", properties.maxPageSize());
        }
        List<WishlistEntry> stored = entries.page(userId, page, size);
        List<String> itemIds = stored.stream().map(WishlistEntry::itemId).toList();
        return PricedPage.of(stored, catalog.find(itemIds), stocks.of(itemIds), page, size, entries.count(userId));
    }

    private void publish(String userId, WishlistChanged.Action action, String itemId, Money price) {
        events.publishEvent(new WishlistChanged(UUID.randomUUID(), Instant.now(), userId, action, itemId, price));
    }

    private static void requireItemId(String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("invalid-item-id", ItemIds.MESSAGE);
        }
    }
}
