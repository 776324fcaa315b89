package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a wishlist as the shopper sees it: each entry at the price the shop charges now,
 * flagged when that is below the price seen when it was added.
 *
 * @param total the number of entries in the whole wishlist
 */
record PricedPage(List<Entry> entries, int page, int size, int total) {

    /**
     * Whether the item can be bought now. ACTIVE says it is sold, not that it is in stock: "back in
     * stock" waits for stock events (README).
     */
    enum Availability {
        ACTIVE,
        /** item-service still has it but no longer sells it */
        INACTIVE,
        /** item-service does not know it any more */
        UNKNOWN
    }

    /**
     * @param currentPrice item-service's price now; null when UNKNOWN
     * @param addedPrice the price when the entry was first added
     * @param priceDropped whether {@code currentPrice} is below {@code addedPrice} (same currency)
     */
    record Entry(
            String itemId,
            String title,
            Money currentPrice,
            Money addedPrice,
            boolean priceDropped,
            Availability availability,
            Instant addedAt) {}

    static PricedPage of(List<WishlistEntry> stored, Map<String, CatalogItem> current, int page, int size, int total) {
        List<Entry> priced = new ArrayList<>();
        for (WishlistEntry entry : stored) {
            CatalogItem item = current.get(entry.itemId());
            if (item == null) {
                priced.add(new Entry(
                        entry.itemId(), null, null, entry.addedPrice(), false, Availability.UNKNOWN, entry.addedAt()));
                continue;
            }
            boolean dropped = item.price().currency().equals(entry.addedPrice().currency())
                    && item.price().minor() < entry.addedPrice().minor();
            priced.add(new Entry(
                    entry.itemId(),
                    item.title(),
                    item.price(),
                    entry.addedPrice(),
                    dropped,
                    item.active() ? Availability.ACTIVE : Availability.INACTIVE,
                    entry.addedAt()));
        }
        return new PricedPage(priced, page, size, total);
    }
}
