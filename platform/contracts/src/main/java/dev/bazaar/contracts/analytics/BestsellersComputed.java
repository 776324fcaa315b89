package dev.bazaar.contracts.analytics;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The best-selling items overall ({@code category} null) or within one top-level category, best first,
 * from one training run: what a shopper with no history of their own is shown (cold start). On
 * {@code recommendations.v1} beside {@link RecommendationsComputed}, told apart by {@code ce_type}.
 */
public record BestsellersComputed(
        UUID eventId,
        Instant occurredAt,
        String category,
        String modelVersion,
        List<RecommendationsComputed.Scored> items)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.RECOMMENDATIONS;
    }

    @Override
    public String key() {
        return "bestsellers:" + (category == null ? "*" : category);
    }
}
