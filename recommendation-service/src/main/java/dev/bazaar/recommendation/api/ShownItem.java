package dev.bazaar.recommendation.api;

import dev.bazaar.contracts.Money;

/** An item as a shopper sees it in a list: its current title and price from item-service, and its score. */
record ShownItem(String itemId, String title, Money price, double score) {}
