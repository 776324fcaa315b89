package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.shopping.CartChanged;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in shopper's cart. Every change runs in one transaction with its {@link CartChanged}
 * event (the starter's transactional outbox), so an event exists exactly when the change does.
 * item-service is asked before the transaction starts, never while a cart row is locked.
 */
@Service
class Carts {

    private final CartLines lines;
    private final ItemCatalog catalog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final CartProperties.Limits limits;

    Carts(
            CartLines lines,
            ItemCatalog catalog,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            CartProperties properties) {
        this.lines = lines;
        this.catalog = catalog;
        this.events = events;
        this.transaction = transaction;
        this.limits = properties.limits();
    }

    record Added(String itemId, int quantity, Money unitPrice, boolean capped) {}

    /**
     * Adds to the line of {@code itemId}, creating it at the current price; a line that would pass the
     * per-line limit stays at the limit ({@code capped}). A new line beyond the lines limit is refused.
     */
    Added add(String userId, String itemId, int quantity) {
        requireItemId(itemId);
        requireQuantity(quantity);
        CatalogItem item = catalog.find(List.of(itemId)).get(itemId);
        if (item == null) {
            throw ApiProblem.notFound("Item", itemId);
        }
        if (!item.active()) {
            throw ApiProblem.conflict("item-inactive", "Item '" + itemId + "' is no longer sold");
        }
        lines.ensureCart(userId);
        return transaction.execute(status -> {
            lines.lockCart(userId);
            int before = lines.lockLine(userId, itemId).map(CartLine::quantity).orElse(0);
            if (before == 0 && lines.lineCount(userId) >= limits.maxLines()) {
                throw ApiProblem.badRequest(
                                "cart-line-limit",
                                "A cart holds at most " + limits.maxLines() + " different items (the lines limit)")
                        .with("limit", limits.maxLines());
            }
            lines.add(userId, itemId, quantity, limits.maxQuantityPerLine(), item.price());
            int after = Math.min(before + quantity, limits.maxQuantityPerLine());
            publish(userId, CartChanged.Action.ADDED, itemId, after, item.price());
            return new Added(itemId, after, item.price(), before + quantity > after);
        });
    }

    void setQuantity(String userId, String itemId, int quantity) {
        requireItemId(itemId);
        requireQuantity(quantity);
        transaction.executeWithoutResult(status -> {
            CartLine line = lines.lockLine(userId, itemId).orElseThrow(() -> ApiProblem.notFound("Cart line", itemId));
            lines.setQuantity(userId, itemId, quantity);
            publish(userId, CartChanged.Action.UPDATED, itemId, quantity, line.addedPrice());
        });
    }

    void remove(String userId, String itemId) {
        requireItemId(itemId);
        transaction.executeWithoutResult(status -> {
            CartLine line = lines.lockLine(userId, itemId).orElseThrow(() -> ApiProblem.notFound("Cart line", itemId));
            lines.remove(userId, itemId);
            publish(userId, CartChanged.Action.REMOVED, itemId, 0, line.addedPrice());
        });
    }

    /** Empties the cart: one CLEARED event (no item) when there was anything to clear. */
    void clear(String userId) {
        transaction.executeWithoutResult(status -> {
            if (lines.clear(userId) > 0) {
                publish(userId, CartChanged.Action.CLEARED, null, 0, null);
            }
        });
    }

    /** The cart priced now from item-service. */
    PricedCart read(String userId) {
        List<CartLine> stored = lines.of(userId);
        Map<String, CatalogItem> current =
                catalog.find(stored.stream().map(CartLine::itemId).toList());
        return PricedCart.of(stored, current);
    }

    private void publish(String userId, CartChanged.Action action, String itemId, int quantity, Money price) {
        events.publishEvent(new CartChanged(UUID.randomUUID(), Instant.now(), userId, action, itemId, quantity, price));
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
