package dev.bazaar.recommendation.api;

import java.util.List;

/**
 * {@code GET /api/recommendations}: the shopper's own lists ({@code personalized}), or the bestsellers with what
 * is trending when there are none.
 *
 * @param userId whose lists these are; null for an anonymous shopper
 * @param category the category asked for, as the catalogue names it; null for the home page
 * @param modelVersion the training run that computed {@code items}
 * @param items the overall list (the home page) or the category's
 * @param categories the home page's per-category lists (signed in, personalized); empty otherwise
 * @param trending the latest {@code most-bought} report's items, beside the bestsellers of a shopper with no
 *     lists of their own; empty otherwise
 */
record RecommendationsView(
        String userId,
        boolean personalized,
        String category,
        String modelVersion,
        List<ShownItem> items,
        List<CategoryView> categories,
        List<ShownItem> trending) {

    record CategoryView(String category, String modelVersion, List<ShownItem> items) {}
}
