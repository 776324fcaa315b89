package dev.bazaar.contracts.analytics;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live report over a sliding window, e.g. most bought in the last 30 minutes. */
public record ReportPublished(
        UUID eventId, Instant occurredAt, String report, Instant windowStart, Instant windowEnd, List<Entry> entries)
        implements IntegrationEvent {

    public record Entry(String itemId, String category, double score) {}

    @Override
    public String topic() {
        return Topics.ANALYTICS_REPORTS;
    }

    @Override
    public String key() {
        return report;
    }
}
