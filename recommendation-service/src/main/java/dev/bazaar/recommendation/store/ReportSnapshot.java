package dev.bazaar.recommendation.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live report's snapshot of one window, best first, as analytics-spark published it. */
public record ReportSnapshot(String report, UUID eventId, Instant windowStart, Instant windowEnd, List<Entry> entries) {

    /** An item ({@code itemId}) or, in the searches report, a query ({@code query}), with what it ranks by. */
    public record Entry(String itemId, String query, double score) {}
}
