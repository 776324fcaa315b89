package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import java.time.Instant;

/** A stored entry: the item and the price it had when it was first added. */
record WishlistEntry(String itemId, Money addedPrice, Instant addedAt) {}
