package dev.bazaar.analytics;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test JVM (a session takes seconds to start; the test classes of a JVM share
 * it). Stopped by Spark's own shutdown hook.
 */
public final class LocalSpark {

    public static synchronized SparkSession session() {
        return SparkSessions.create("bazaar-analytics-tests");
    }

    private LocalSpark() {}
}
