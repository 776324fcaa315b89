package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.wishlist.stock.ItemStock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a wishlist as the shopper sees it: each entry at the price the shop charges now,
 * flagged when that is below the price seen when it was added, with its stock as the last stock
 * event said.
 *
 * @param total the number of entries in the whole wishlist
 */
record PricedPage(List<Entry> entries, int page, int size, int total) {

    /** Whether item-service sells the item. ACTIVE says it is sold, not that it is in stock ({@link Stock}). */
    enum Availability {
        ACTIVE,
        /** item-service still has it but no longer sells it */
        INACTIVE,
        /** item-service does not know it any more */
        UNKNOWN
    }

    /** Whether a warehouse has the item, from inventory.stock.v1; never guessed. */
    enum Stock {
        IN_STOCK,
        OUT_OF_STOCK,
        /** no stock event seen for the item yet */
        UNKNOWN
    }

    /**
     * @param currentPrice item-service's price now; null when UNKNOWN
     * @param addedPrice the price when the entry was first added
     * @param priceDropped whether {@code currentPrice} is below {@code addedPrice} (same currency)
     * @param backInStock in stock now, and out of stock at some moment since {@code addedAt} ({@link
     *     ItemStock#backInStockSince})
     */
    record Entry(
            String itemId,
            String title,
            Money currentPrice,
            Money addedPrice,
            boolean priceDropped,
            Availability availability,
            Stock stock,
            boolean backInStock,
            Instant addedAt) {}

    static PricedPage of(
            List<WishlistEntry> stored,
            Map<String, CatalogItem> current,
            Map<String, ItemStock> stocks,
            int page,
            int size,
            int total) {
        List<Entry> priced = new ArrayList<>();
        for (WishlistEntry entry : stored) {
            CatalogItem item = current.get(entry.itemId());
            ItemStock stock = stocks.get(entry.itemId());
            Stock inStock = stock == null ? Stock.UNKNOWN : stock.inStock() ? Stock.IN_STOCK : Stock.OUT_OF_STOCK;
            boolean backInStock = stock != null && stock.backInStockSince(entry.addedAt());
            if (item == null) {
                priced.add(new Entry(
                        entry.itemId(),
                        null,
                        null,
                        entry.addedPrice(),
                        false,
                        Availability.UNKNOWN,
                        inStock,
                        backInStock,
                        entry.addedAt()));
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
                    inStock,
                    backInStock,
                    entry.addedAt()));
        }
        return new PricedPage(priced, page, size, total);
    }
}
