package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.delivery.Delivery;
import dev.bazaar.starter.delivery.DeliveryCheck;
import java.util.List;
import java.util.Map;

/**
 * A cart as the shopper sees it: each line at the price the shop charges now, flagged when that
 * differs from the price it was added at, with when it would arrive, and the total (in minor units)
 * of the lines that can be bought.
 *
 * @param subtotal the sum of {@code lineTotal} over AVAILABLE lines
 * @param deliveryPincode the pincode the deliveries are for (asked for, or the default address's);
 *     null when there is none, and every delivery is then UNKNOWN
 */
record PricedCart(List<Line> lines, int lineCount, int itemCount, Money subtotal, String deliveryPincode) {

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
     * @param delivery DELIVERABLE with the ETA, UNDELIVERABLE to this pincode, or UNKNOWN (no pincode,
     *     serviceability slow or down, or a line that is not AVAILABLE)
     */
    record Line(
            String itemId,
            String title,
            int quantity,
            Money unitPrice,
            Money addedPrice,
            boolean priceChanged,
            Availability availability,
            Money lineTotal,
            Delivery delivery) {}

    /** The ids of the lines that can be bought: the ones a delivery estimate is asked for. */
    static List<String> buyable(List<CartLine> stored, Map<String, CatalogItem> current) {
        return stored.stream()
                .map(CartLine::itemId)
                .filter(id -> current.containsKey(id) && current.get(id).active())
                .toList();
    }

    static PricedCart of(
            List<CartLine> stored, Map<String, CatalogItem> current, String pincode, DeliveryCheck deliveries) {
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
                        null,
                        Delivery.UNKNOWN));
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
                    lineTotal,
                    availability == Availability.AVAILABLE ? deliveries.of(line.itemId()) : Delivery.UNKNOWN));
        }
        return new PricedCart(priced, priced.size(), items, new Money(subtotal, currency), pincode);
    }
}
