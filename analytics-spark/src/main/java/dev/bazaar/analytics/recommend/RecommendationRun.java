package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.analytics.recommend.Publication.Lists;
import dev.bazaar.contracts.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run over the lake: the catalogue as of now, the signed-in shoppers' signals weighed and
 * decayed, implicit ALS trained on them, and every list published to {@code recommendations.v1} under
 * one model version: each user's top-N overall and per top-level category, items bought together,
 * bestsellers overall and per category (the cold-start fallback).
 */
public final class RecommendationRun {

    private static final Logger log = LoggerFactory.getLogger(RecommendationRun.class);
    private static final DateTimeFormatter BASIC_ISO =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a run published. */
    public record Summary(String modelVersion, long users, long userLists, long similarLists, long bestsellerLists) {}

    public static Summary run(SparkSession spark, AnalyticsSettings settings) {
        return run(spark, settings, RecommendationSettings.fromEnvironment(), Clock.systemUTC());
    }

    /** A run whose "now" (decay, the bestsellers' window, the model version) is {@code clock}'s. */
    static Summary run(SparkSession spark, AnalyticsSettings settings, RecommendationSettings recommend, Clock clock) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String modelVersion = modelVersion(start);
        LakeEvents lake = LakeEvents.read(spark, settings.lakeUri());
        if (lake.isEmpty()) {
            log.warn("No events in the lake at {} yet: nothing to train on", settings.lakeUri());
            return new Summary(modelVersion, 0, 0, 0, 0);
        }
        int topN = settings.topN();
        Dataset<Row> catalogue = Catalogue.asOf(lake).cache();
        Dataset<Row> active = Catalogue.active(catalogue).cache();
        Dataset<Row> purchases = Interactions.purchases(lake).cache();
        Dataset<Row> confidences = Interactions.confidences(
                        Interactions.signals(lake, catalogue, purchases), recommend.weights(), start)
                .cache();

        Dataset<Row> userLists = null;
        AlsTraining.Model model = null;
        if (!confidences.isEmpty()) {
            model = AlsTraining.train(confidences, recommend.als());
            Dataset<Row> ordered = purchases.filter(col("user_id").isNotNull()).select("user_id", "item_id");
            userLists = UserRecommendations.lists(
                            model.candidates(recommend.als().candidates()), ordered, active, topN)
                    .cache();
        }
        Dataset<Row> similar = BoughtTogether.of(purchases, active, topN).cache();
        Dataset<Row> bestsellers = Bestsellers.of(purchases, active, start.minus(recommend.bestsellerWindow()), topN)
                .cache();

        String topic = settings.topic(Topics.RECOMMENDATIONS);
        String bootstrap = settings.kafkaBootstrap();
        long users = 0;
        long userListCount = 0;
        if (userLists != null) {
            users = userLists.filter(col("category").isNull()).count();
            userListCount = userLists.count();
            Publication.publish(userLists, Lists.USER, topic, bootstrap, modelVersion, start);
        }
        long similarCount = similar.count();
        Publication.publish(similar, Lists.SIMILAR, topic, bootstrap, modelVersion, start);
        long bestsellerCount = bestsellers.count();
        Publication.publish(bestsellers, Lists.BESTSELLERS, topic, bootstrap, modelVersion, start);

        Summary summary = new Summary(modelVersion, users, userListCount, similarCount, bestsellerCount);
        for (Dataset<Row> cached : new Dataset[] {catalogue, active, purchases, confidences, similar, bestsellers}) {
            cached.unpersist();
        }
        if (userLists != null) {
            userLists.unpersist();
            model.release();
        }
        log.info("Recommendation run {} published to {}: {}", modelVersion, topic, summary);
        return summary;
    }

    /** {@code als-20261207T120000Z}: the run's start, so versions sort by time. */
    static String modelVersion(Instant start) {
        return "als-" + BASIC_ISO.format(start);
    }

    private RecommendationRun() {}
}
