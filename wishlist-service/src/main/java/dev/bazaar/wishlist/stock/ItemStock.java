package dev.bazaar.wishlist.stock;

import java.time.Instant;

/**
 * An item's stock as this service last learnt it from {@code inventory.stock.v1}.
 *
 * @param inStock whether any warehouse has it ({@code totalAvailable > 0})
 * @param backInStockAt when this service last saw it go from out of stock to in stock; null if never
 */
public record ItemStock(boolean inStock, Instant backInStockAt) {

    /**
     * Whether the item is in stock now and was out of stock at some moment since {@code since}: the
     * last out-of-stock spell ended after {@code since} (an earlier spell ended earlier still). An item
     * that was out of stock when the entry was added and is back now counts, too.
     */
    public boolean backInStockSince(Instant since) {
        return inStock && backInStockAt != null && backInStockAt.isAfter(since);
    }
}
