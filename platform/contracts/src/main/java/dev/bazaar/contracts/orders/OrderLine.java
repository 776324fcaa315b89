package dev.bazaar.contracts.orders;

import dev.bazaar.contracts.Money;

/**
 * One line of an order as its events carry it: the item, its supplier (the seller), the warehouse its stock
 * is in, how many at what price, and the item's title when the order was taken (what a message shows; null
 * in events published before it was carried).
 */
public record OrderLine(
        String itemId, String supplierId, String warehouseId, int quantity, Money unitPrice, String title) {

    /** A line whose title the reader does not need. */
    public OrderLine(String itemId, String supplierId, String warehouseId, int quantity, Money unitPrice) {
        this(itemId, supplierId, warehouseId, quantity, unitPrice, null);
    }
}
