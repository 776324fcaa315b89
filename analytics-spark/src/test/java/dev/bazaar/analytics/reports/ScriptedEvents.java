package dev.bazaar.analytics.reports;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.contracts.shopping.SearchPerformed;
import dev.bazaar.contracts.shopping.WishlistChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of the shopping events the report tests script, at fixed event times. */
final class ScriptedEvents {

    /** A whole hour: window boundaries fall on whole minutes after it. */
    static final Instant BASE = Instant.parse("2026-01-05T10:00:00Z");

    static Instant at(Duration afterBase) {
        return BASE.plus(afterBase);
    }

    static Instant minute(double minutes) {
        return BASE.plusMillis((long) (minutes * 60_000));
    }

    static OrderStatusChanged order(String orderId, Instant at, OrderStatus from, OrderStatus to, OrderLine... lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total += line.quantity() * line.unitPrice().minor();
        }
        return new OrderStatusChanged(
                UUID.randomUUID(), at, orderId, "user-" + orderId, from, to, null, List.of(lines), Money.inr(total));
    }

    static OrderStatusChanged placed(String orderId, Instant at, OrderLine... lines) {
        return order(orderId, at, OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED, lines);
    }

    static OrderLine line(String itemId, int quantity, long paise) {
        return new OrderLine(itemId, "supplier-1", "warehouse-1", quantity, Money.inr(paise), "Title of " + itemId);
    }

    static WishlistChanged wishlisted(String userId, Instant at, String itemId) {
        return new WishlistChanged(
                UUID.randomUUID(), at, userId, WishlistChanged.Action.ADDED, itemId, Money.inr(1000));
    }

    static WishlistChanged unwishlisted(String userId, Instant at, String itemId) {
        return new WishlistChanged(
                UUID.randomUUID(), at, userId, WishlistChanged.Action.REMOVED, itemId, Money.inr(1000));
    }

    static SearchPerformed search(Instant at, String query) {
        return new SearchPerformed(UUID.randomUUID(), at, "shopper-1", false, query, Map.of(), 12);
    }

    private ScriptedEvents() {}
}
