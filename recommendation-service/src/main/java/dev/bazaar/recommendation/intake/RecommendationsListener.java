package dev.bazaar.recommendation.intake;

import static dev.bazaar.recommendation.intake.Records.present;
import static dev.bazaar.recommendation.intake.Records.require;
import static dev.bazaar.recommendation.intake.Records.requireCategory;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.BestsellersComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.contracts.analytics.SimilarItemsComputed;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.recommendation.store.RecommendationTables;
import dev.bazaar.recommendation.store.Write;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code recommendations.v1}: a training run's per-user lists ({@link RecommendationsComputed}), items bought
 * together ({@link SimilarItemsComputed}) and bestsellers ({@link BestsellersComputed}), told apart by
 * {@code ce_type}, each stored as of its run's start ({@link ModelVersions}): see {@link RecommendationTables} for
 * why a replay or an older run changes nothing. A record of another type is skipped (a newer producer may add
 * types); a malformed one (no ce_type, unreadable JSON, a missing id, a bad modelVersion) throws, and the
 * starter's error handler parks it on {@code recommendations.v1.dlt}.
 */
@Component
class RecommendationsListener {

    private static final Logger log = LoggerFactory.getLogger(RecommendationsListener.class);

    static final String RECOMMENDATIONS = RecommendationsComputed.class.getSimpleName();
    static final String SIMILAR = SimilarItemsComputed.class.getSimpleName();
    static final String BESTSELLERS = BestsellersComputed.class.getSimpleName();

    private final RecommendationTables tables;
    private final IntakeMetrics metrics;
    private final JsonMapper json;

    RecommendationsListener(RecommendationTables tables, IntakeMetrics metrics, JsonMapper json) {
        this.tables = tables;
        this.metrics = metrics;
        this.json = json;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.RECOMMENDATIONS)
    void on(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE)
                .orElseThrow(() -> new IllegalArgumentException("record without ce_type, key " + record.key()));
        String simpleName = type.startsWith("dev.bazaar.") ? type.substring("dev.bazaar.".length()) : type;
        Write outcome;
        if (simpleName.equals(RECOMMENDATIONS)) {
            outcome = store(json.readValue(record.value(), RecommendationsComputed.class));
        } else if (simpleName.equals(SIMILAR)) {
            outcome = store(json.readValue(record.value(), SimilarItemsComputed.class));
        } else if (simpleName.equals(BESTSELLERS)) {
            outcome = store(json.readValue(record.value(), BestsellersComputed.class));
        } else {
            log.debug("Skipped {} on {} (key {}): not a type this service reads", type, record.topic(), record.key());
            return;
        }
        metrics.consumed(simpleName, outcome);
        log.debug("{} {} (key {})", simpleName, outcome, record.key());
    }

    private Write store(RecommendationsComputed event) {
        require(present(event.userId()), "RecommendationsComputed without userId");
        requireCategory(event.category(), "RecommendationsComputed of user " + event.userId());
        return tables.saveForUser(
                event.userId(),
                event.category(),
                event.modelVersion(),
                ModelVersions.startOf(event.modelVersion()),
                Records.ranked(event.items(), "RecommendationsComputed of user " + event.userId()));
    }

    private Write store(SimilarItemsComputed event) {
        require(present(event.itemId()), "SimilarItemsComputed without itemId");
        return tables.saveSimilar(
                event.itemId(),
                event.modelVersion(),
                ModelVersions.startOf(event.modelVersion()),
                Records.ranked(event.items(), "SimilarItemsComputed of item " + event.itemId()));
    }

    private Write store(BestsellersComputed event) {
        requireCategory(event.category(), "BestsellersComputed");
        return tables.saveBestsellers(
                event.category(),
                event.modelVersion(),
                ModelVersions.startOf(event.modelVersion()),
                Records.ranked(event.items(), "BestsellersComputed of category " + event.category()));
    }
}
