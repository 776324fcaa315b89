package dev.bazaar.starter.catalog;

import dev.bazaar.contracts.Money;

/**
 * What a cart, a wishlist or an order needs of an item: the price the shop charges now, whether it is
 * still sold, and the supplier who sells it (an order line's seller). Read from item-service's bulk-get,
 * never from the client.
 */
public record CatalogItem(String itemId, String title, Money price, boolean active, String supplierId) {

    /** An item whose supplier does not matter to the reader (carts, wishlists). */
    public CatalogItem(String itemId, String title, Money price, boolean active) {
        this(itemId, title, price, active, null);
    }
}
