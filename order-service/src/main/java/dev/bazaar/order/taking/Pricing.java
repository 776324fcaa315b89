package dev.bazaar.order.taking;

import dev.bazaar.contracts.Money;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices an order's lines from item-service's answer, never from the client: each line at the item's
 * current price, the total their sum, in paise (overflow refused, not wrapped). An item item-service does
 * not know is a 400 {@code unknown-item}, one it no longer sells a 409 {@code item-inactive}; both name every
 * such item, and no order is made.
 */
final class Pricing {

    /** The lines priced and their total. */
    record Priced(List<Order.Line> lines, Money total) {}

    /** What a shopper asks for: an item and how many. */
    record Wanted(String itemId, int quantity) {}

    private Pricing() {}

    static Priced price(List<Wanted> wanted, Map<String, CatalogItem> catalog) {
        List<String> unknown = wanted.stream()
                .map(Wanted::itemId)
                .filter(id -> !catalog.containsKey(id))
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown-item", "item-service knows no item " + unknown + "; no order was made")
                    .with("items", unknown);
        }
        List<String> inactive = wanted.stream()
                .map(Wanted::itemId)
                .filter(id -> !catalog.get(id).active())
                .toList();
        if (!inactive.isEmpty()) {
            throw ApiProblem.conflict("item-inactive", "No longer sold: " + inactive + "; no order was made")
                    .with("items", inactive);
        }
        List<Order.Line> lines = new ArrayList<>();
        String currency = null;
        long total = 0;
        for (Wanted line : wanted) {
            CatalogItem item = catalog.get(line.itemId());
            Money price = item.price();
            if (currency != null && !currency.equals(price.currency())) {
                throw ApiProblem.conflict(
                        "mixed-currencies", "The items are priced in different currencies; order them separately");
            }
            currency = price.currency();
            Order.Line priced =
                    new Order.Line(item.itemId(), item.title(), line.quantity(), price, null, item.supplierId());
            total = Math.addExact(total, priced.lineTotal().minor());
            lines.add(priced);
        }
        return new Priced(lines, new Money(total, currency));
    }
}
