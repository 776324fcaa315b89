package dev.bazaar.contracts.analytics;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Items bought together with {@code itemId} (by the same shoppers), best first, from one training run;
 * on {@code recommendations.v1} beside {@link RecommendationsComputed}, told apart by {@code ce_type}.
 */
public record SimilarItemsComputed(
        UUID eventId,
        Instant occurredAt,
        String itemId,
        String modelVersion,
        List<RecommendationsComputed.Scored> items)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.RECOMMENDATIONS;
    }

    @Override
    public String key() {
        return "item:" + itemId;
    }
}
