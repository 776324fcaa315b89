package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Money;

/** A stored line: how many of an item, and the price it had when it was first added. */
record CartLine(String itemId, int quantity, Money addedPrice) {}
