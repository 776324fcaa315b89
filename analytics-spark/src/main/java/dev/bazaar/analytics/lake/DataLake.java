package dev.bazaar.analytics.lake;

import dev.bazaar.analytics.AnalyticsSettings;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/** Lands every event in the lake (to be written). */
public final class DataLake {

    public static StreamingQuery start(SparkSession spark, AnalyticsSettings settings) {
        throw new UnsupportedOperationException("data lake: not yet");
    }

    private DataLake() {}
}
