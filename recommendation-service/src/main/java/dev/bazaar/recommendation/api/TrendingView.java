package dev.bazaar.recommendation.api;

import dev.bazaar.contracts.Money;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/trending}: a live report's latest window, best first; no window yet: nulls and no entries.
 *
 * @param entries items (with their current title and price) or, in {@code searches}, queries
 */
record TrendingView(String report, Instant windowStart, Instant windowEnd, List<Entry> entries) {

    /** An item ({@code itemId}, {@code title}, {@code price}) or a search ({@code query}) and its score. */
    record Entry(String itemId, String title, Money price, String query, double score) {}
}
