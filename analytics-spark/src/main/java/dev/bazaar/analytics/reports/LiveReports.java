package dev.bazaar.analytics.reports;

import dev.bazaar.analytics.AnalyticsSettings;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/** The live reports over the shopping events (to be written). */
public final class LiveReports {

    public static List<StreamingQuery> start(SparkSession spark, AnalyticsSettings settings) {
        throw new UnsupportedOperationException("live reports: not yet");
    }

    private LiveReports() {}
}
