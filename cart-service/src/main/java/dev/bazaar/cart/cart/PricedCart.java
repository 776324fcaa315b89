package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import java.util.List;
import java.util.Map;

/**
 * A cart as the shopper sees it: each line at the price the shop charges now, flagged when that
 * differs from the price it was added at, and the total (in minor units) of the lines that can be
 * bought.
 *
 * @param subtotal the sum of {@code lineTotal} over AVAILABLE lines
 */
record PricedCart(List<Line> lines, int lineCount, int itemCount, Money subtotal) {

    enum Availability {
        AVAILABLE,
        /** item-service still has it but no longer sells it */
        INACTIVE,
        /** item-service does not know it any more */
        UNKNOWN
    }

    /**
     * @param unitPrice the current price; null when the item is UNKNOWN
     * @param addedPrice the price when the line was first added
     * @param priceChanged whether {@code unitPrice} differs from {@code addedPrice}
     * @param lineTotal unitPrice × quantity; null when not AVAILABLE
     */
    record Line(
            String itemId,
            String title,
            int quantity,
            Money unitPrice,
            Money addedPrice,
            boolean priceChanged,
            Availability availability,
            Money lineTotal) {}

    static PricedCart of(List<CartLine> stored, Map<String, CatalogItem> current) {
        String currency = "INR";
        long subtotal = 0;
        int items = 0;
        List<Line> priced = new java.util.ArrayList<>();
        for (CartLine line : stored) {
            CatalogItem item = current.get(line.itemId());
            if (item == null) {
                priced.add(new Line(
                        line.itemId(),
                        null,
                        line.quantity(),
                        null,
                        line.addedPrice(),
                        false,
                        Availability.UNKNOWN,
                        null));
                continue;
            }
            Availability availability = item.active() ? Availability.AVAILABLE : Availability.INACTIVE;
            Money lineTotal = null;
            if (availability == Availability.AVAILABLE) {
                currency = item.price().currency();
                lineTotal = new Money(item.price().minor() * line.quantity(), currency);
                subtotal += lineTotal.minor();
                items += line.quantity();
            }
            priced.add(new Line(
                    line.itemId(),
                    item.title(),
                    line.quantity(),
                    item.price(),
                    line.addedPrice(),
                    !item.price().equals(line.addedPrice()),
                    availability,
                    lineTotal));
        }
        return new PricedCart(priced, priced.size(), items, new Money(subtotal, currency));
    }
}
