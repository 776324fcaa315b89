package dev.bazaar.analytics.recommend;

import dev.bazaar.analytics.AnalyticsSettings;
import org.apache.spark.sql.SparkSession;

/** One training run over the lake (to be written). */
public final class RecommendationRun {

    /** What a run published. */
    public record Summary(String modelVersion, long users, long userLists, long similarLists, long bestsellerLists) {}

    public static Summary run(SparkSession spark, AnalyticsSettings settings) {
        throw new UnsupportedOperationException("recommendations: not yet");
    }

    private RecommendationRun() {}
}
