package dev.bazaar.contracts.analytics;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Top-N items for a user from one training run ({@code modelVersion}, which sorts by time): overall
 * ({@code category} null, the home page) or within one top-level category. Best first.
 */
public record RecommendationsComputed(
        UUID eventId, Instant occurredAt, String userId, String category, String modelVersion, List<Scored> items)
        implements IntegrationEvent {

    public record Scored(String itemId, double score) {}

    @Override
    public String topic() {
        return Topics.RECOMMENDATIONS;
    }

    @Override
    public String key() {
        return userId;
    }
}
