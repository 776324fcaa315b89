package dev.bazaar.recommendation.api;

import java.util.List;

/** {@code GET /api/items/{itemId}/similar}: bought together with the item, best first; empty when none. */
record SimilarItemsView(String itemId, String modelVersion, List<ShownItem> items) {}
