package dev.bazaar.starter.catalog;

import dev.bazaar.contracts.Money;

/**
 * What a cart or a wishlist needs of an item: the price the shop charges now and whether it is
 * still sold. Read from item-service's bulk-get, never from the client.
 */
public record CatalogItem(String itemId, String title, Money price, boolean active) {}
