package dev.bazaar.recommendation.store;

import java.util.List;

/**
 * A list as one training run computed it, best first: a user's (overall or for one category), the items bought
 * together with one item, or a category's bestsellers.
 *
 * @param category the top-level category as the catalogue names it ({@code categoryPath[0]}); null for the
 *     overall list and for similar items
 */
public record RankedList(String category, String modelVersion, List<Ranked> items) {}
