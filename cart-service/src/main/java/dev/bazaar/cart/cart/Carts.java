package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.shopping.CartChanged;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shopper's cart, signed-in or guest ({@link CartOwner}), and the merge of a guest cart at login. Every change runs in one transaction with its {@link CartChanged}
 * event (the starter's transactional outbox), so an event exists exactly when the change does.
 * item-service is asked before the transaction starts, never while a cart row is locked.
 */
@Service
class Carts {

    private final CartLines lines;
    private final ItemCatalog catalog;
    private final DeliveryEstimates delivery;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final CartProperties.Limits limits;

    private final GuestCarts guests;
    private final IdempotentRequests requests;

    Carts(
            CartLines lines,
            GuestCarts guests,
            IdempotentRequests requests,
            ItemCatalog catalog,
            DeliveryEstimates delivery,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            CartProperties properties) {
        this.lines = lines;
        this.guests = guests;
        this.requests = requests;
        this.catalog = catalog;
        this.delivery = delivery;
        this.events = events;
        // Every connection is read committed (spring.datasource.hikari.transaction-isolation): see
        // application.yml for why.
        this.transaction = transaction;
        this.limits = properties.limits();
    }

    record Added(String itemId, int quantity, Money unitPrice, boolean capped) {}

    /** What an {@code Idempotency-Key} on an add stands for: a repeat must ask for the same. */
    private record AddRequest(String itemId, int quantity) {}

    /**
     * Adds to the line of {@code itemId}, creating it at the current price; a line that would pass the
     * per-line limit stays at the limit ({@code capped}). A new line beyond the lines limit is refused.
     * With an {@code idempotencyKey} the add happens once: a repeat (a client's retry) gets the first
     * answer and changes nothing, not even item-service is asked again.
     */
    Added add(CartOwner owner, String itemId, int quantity, String idempotencyKey) {
        String scope = "cart-add:" + owner.key();
        AddRequest request = new AddRequest(itemId, quantity);
        Optional<Added> earlier = requests.earlierAnswer(scope, idempotencyKey, request, Added.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CatalogItem item = checkedItem(itemId, quantity);
        if (!owner.isGuest()) {
            lines.ensureCart(owner.key());
        }
        return requests.once(
                scope,
                idempotencyKey,
                request,
                Added.class,
                () -> transaction.execute(status -> {
                    // A guest's cart row is made with its token; gone means merged or expired since the token was read.
                    if (!owner.isGuest()) {
                        lines.lockCart(owner.key());
                    } else if (!lines.lockCartIfPresent(owner.key())) {
                        throw GuestCarts.invalidToken();
                    }
                    return addLocked(owner, item, itemId, quantity);
                }));
    }

    record GuestAdded(Added added, String cartToken) {}

    /** The first add of a shopper with neither a JWT nor a cart token: a new guest cart holding this line. */
    GuestAdded addToNewGuestCart(String itemId, int quantity) {
        CatalogItem item = checkedItem(itemId, quantity);
        return transaction.execute(status -> {
            GuestCarts.Created guest = guests.create();
            lines.lockCart(guest.owner().key());
            return new GuestAdded(addLocked(guest.owner(), item, itemId, quantity), guest.token());
        });
    }

    private CatalogItem checkedItem(String itemId, int quantity) {
        requireItemId(itemId);
        requireQuantity(quantity);
        CatalogItem item = catalog.find(List.of(itemId)).get(itemId);
        if (item == null) {
            throw ApiProblem.notFound("Item", itemId);
        }
        if (!item.active()) {
            throw ApiProblem.conflict("item-inactive", "Item '" + itemId + "' is no longer sold");
        }
        return item;
    }

    /** The add itself; the caller holds the transaction and the cart row's lock. */
    private Added addLocked(CartOwner owner, CatalogItem item, String itemId, int quantity) {
        String key = owner.key();
        int before = lines.lockLine(key, itemId).map(CartLine::quantity).orElse(0);
        if (before == 0 && lines.lineCount(key) >= limits.maxLines()) {
            throw ApiProblem.badRequest(
                            "cart-line-limit",
                            "A cart holds at most " + limits.maxLines() + " different items (the lines limit)")
                    .with("limit", limits.maxLines());
        }
        lines.add(key, itemId, quantity, limits.maxQuantityPerLine(), item.price());
        int after = Math.min(before + quantity, limits.maxQuantityPerLine());
        publish(owner, CartChanged.Action.ADDED, itemId, after, item.price());
        return new Added(itemId, after, item.price(), before + quantity > after);
    }

    /** A line that did not fit whole: {@code requested} is the summed quantity, {@code quantity} what the line holds. */
    record Capped(String itemId, int requested, int quantity) {}

    /**
     * The merge's answer: the signed-in cart repriced, which guest lines went in, which were capped at
     * the per-line limit and which were dropped because the cart had the most lines.
     */
    record Merged(PricedCart cart, List<String> merged, List<Capped> capped, List<String> dropped) {}

    /**
     * Moves the guest cart of {@code cartToken} into the user's cart: quantities summed per item and
     * capped at the per-line limit, new lines while the lines limit allows (the rest dropped), then the
     * guest cart deleted, all in one transaction. Idempotent: a second call finds no guest cart (as
     * does an unknown or expired token) and answers the current cart with nothing merged.
     */
    Merged merge(String userId, String cartToken) {
        CartOwner user = CartOwner.user(userId);
        lines.ensureCart(userId);
        List<String> merged = new java.util.ArrayList<>();
        List<Capped> capped = new java.util.ArrayList<>();
        List<String> dropped = new java.util.ArrayList<>();
        transaction.executeWithoutResult(status -> {
            // Lock order user cart, then guest cart; a guest add takes only the guest's: no cycle.
            lines.lockCart(userId);
            CartOwner guest = guests.lockForMerge(cartToken).orElse(null);
            if (guest == null || !lines.lockCartIfPresent(guest.key())) {
                return;
            }
            Map<String, Integer> have = new java.util.HashMap<>();
            lines.of(userId).forEach(line -> have.put(line.itemId(), line.quantity()));
            List<CartLine> guestLines = lines.of(guest.key());
            for (CartLine line : guestLines) {
                Integer before = have.get(line.itemId());
                if (before == null && have.size() >= limits.maxLines()) {
                    dropped.add(line.itemId());
                    continue;
                }
                int sum = (before == null ? 0 : before) + line.quantity();
                int after = Math.min(sum, limits.maxQuantityPerLine());
                if (sum > after) {
                    capped.add(new Capped(line.itemId(), sum, after));
                }
                lines.add(userId, line.itemId(), line.quantity(), limits.maxQuantityPerLine(), line.addedPrice());
                have.put(line.itemId(), after);
                merged.add(line.itemId());
                publish(user, CartChanged.Action.ADDED, line.itemId(), after, line.addedPrice());
            }
            if (!guestLines.isEmpty()) {
                publish(guest, CartChanged.Action.CLEARED, null, 0, null);
            }
            guests.delete(guest);
        });
        return new Merged(read(user, null), merged, capped, dropped);
    }

    void setQuantity(CartOwner owner, String itemId, int quantity) {
        String userId = owner.key();
        requireItemId(itemId);
        requireQuantity(quantity);
        transaction.executeWithoutResult(status -> {
            CartLine line = lines.lockLine(userId, itemId).orElseThrow(() -> ApiProblem.notFound("Cart line", itemId));
            lines.setQuantity(userId, itemId, quantity);
            publish(owner, CartChanged.Action.UPDATED, itemId, quantity, line.addedPrice());
        });
    }

    void remove(CartOwner owner, String itemId) {
        String userId = owner.key();
        requireItemId(itemId);
        transaction.executeWithoutResult(status -> {
            CartLine line = lines.lockLine(userId, itemId).orElseThrow(() -> ApiProblem.notFound("Cart line", itemId));
            lines.remove(userId, itemId);
            publish(owner, CartChanged.Action.REMOVED, itemId, 0, line.addedPrice());
        });
    }

    /**
     * Takes what an order bought out of the user's signed-in cart, under the cart row's lock: a line
     * holding more than was ordered keeps the rest (UPDATED), any other ordered line goes (REMOVED);
     * an item not in the cart is skipped, and a user without a cart row has nothing to take. Runs in
     * the caller's transaction when there is one (the idempotent consumer's, which records the
     * order's event in the same commit).
     *
     * @param ordered quantity ordered per item id
     */
    void removeOrdered(String userId, Map<String, Integer> ordered) {
        CartOwner owner = CartOwner.user(userId);
        transaction.executeWithoutResult(status -> {
            if (!lines.lockCartIfPresent(owner.key())) {
                return;
            }
            ordered.forEach((itemId, quantity) -> lines.lockLine(owner.key(), itemId)
                    .ifPresent(line -> {
                        if (line.quantity() > quantity) {
                            int rest = line.quantity() - quantity;
                            lines.setQuantity(owner.key(), itemId, rest);
                            publish(owner, CartChanged.Action.UPDATED, itemId, rest, line.addedPrice());
                        } else {
                            lines.remove(owner.key(), itemId);
                            publish(owner, CartChanged.Action.REMOVED, itemId, 0, line.addedPrice());
                        }
                    }));
        });
    }

    /** Empties the cart: one CLEARED event (no item) when there was anything to clear. */
    void clear(CartOwner owner) {
        String userId = owner.key();
        transaction.executeWithoutResult(status -> {
            if (lines.clear(userId) > 0) {
                publish(owner, CartChanged.Action.CLEARED, null, 0, null);
            }
        });
    }

    /**
     * The cart priced now from item-service, each buyable line with its delivery estimate.
     *
     * @param pincode where the shopper asks about delivery; null for the default address's
     */
    PricedCart read(CartOwner owner, String pincode) {
        DeliveryEstimates.requireValid(pincode);
        List<CartLine> stored = lines.of(owner.key());
        Map<String, CatalogItem> current =
                catalog.find(stored.stream().map(CartLine::itemId).toList());
        DeliveryEstimates.For deliveries = delivery.estimate(owner, pincode, PricedCart.buyable(stored, current));
        return PricedCart.of(stored, current, deliveries.pincode(), deliveries.check());
    }

    private void publish(CartOwner owner, CartChanged.Action action, String itemId, int quantity, Money price) {
        events.publishEvent(new CartChanged(
                UUID.randomUUID(), Instant.now(), owner.userId(), owner.guestId(), action, itemId, quantity, price));
    }

    private void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > limits.maxQuantityPerLine()) {
            throw ApiProblem.badRequest(
                            "quantity-limit",
                            "quantity must be between 1 and " + limits.maxQuantityPerLine()
                                    + " (the per-line limit), not " + quantity)
                    .with("limit", limits.maxQuantityPerLine());
        }
    }

    private static void requireItemId(String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("invalid-item-id", ItemIds.MESSAGE);
        }
    }
}
