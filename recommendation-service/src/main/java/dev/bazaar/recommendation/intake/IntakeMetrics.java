package dev.bazaar.recommendation.intake;

import dev.bazaar.recommendation.store.Write;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code bazaar.recommendations.records{type, outcome}}: the records consumed per type (RecommendationsComputed,
 * SimilarItemsComputed, BestsellersComputed, ReportPublished) and what each did: stored, replayed (the same run
 * or window again) or stale (older than what is held, ignored). A steady count of stale records means an old
 * training run is being replayed.
 */
@Component
class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void consumed(String type, Write outcome) {
        Counter.builder("bazaar.recommendations.records")
                .description("Records consumed from recommendations.v1 and analytics.reports.v1, by what they did")
                .tag("type", type)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
    }
}
