package dev.bazaar.analytics;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a job. Run with {@code java} (./bazaar analytics) it is {@code local[2]}; under
 * {@code spark-submit --master spark://…} or {@code k8s://…} the master spark-submit sets wins.
 */
public final class SparkSessions {

    public static SparkSession create(String appName) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.ui.enabled", "false")
                // Small local jobs: Spark's 200 shuffle partitions would be 200 tiny tasks per stage.
                .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "4"))
                .config("spark.sql.session.timeZone", "UTC");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[2]").config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    private SparkSessions() {}
}
