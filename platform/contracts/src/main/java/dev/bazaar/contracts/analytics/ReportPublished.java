package dev.bazaar.contracts.analytics;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live report's snapshot of one sliding window, e.g. the most bought items in the 30 minutes up to
 * {@code windowEnd}, best first. Reports: {@code most-bought} (units), {@code most-ordered} (orders),
 * {@code top-revenue} (minor units of INR), {@code most-wishlisted} (adds), {@code searches} (queries,
 * lower-cased and trimmed). A window's snapshot is published once it is final (the watermark passed its
 * end); a replay after a restart publishes it again with the same {@code eventId}.
 */
public record ReportPublished(
        UUID eventId, Instant occurredAt, String report, Instant windowStart, Instant windowEnd, List<Entry> entries)
        implements IntegrationEvent {

    /**
     * One ranked line: an item ({@code itemId}) or, in the searches report, a query ({@code query});
     * {@code score} is what the report ranks by.
     */
    public record Entry(String itemId, String query, double score) {}

    @Override
    public String topic() {
        return Topics.ANALYTICS_REPORTS;
    }

    @Override
    public String key() {
        return report;
    }
}
