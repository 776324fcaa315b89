package dev.bazaar.analytics;

import dev.bazaar.analytics.lake.DataLake;
import dev.bazaar.analytics.recommend.RecommendationRun;
import dev.bazaar.analytics.reports.LiveReports;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs, one jar. {@code stream}: the live reports and the lake sink, until stopped (a restart
 * resumes from the checkpoints); {@code reports} or {@code lake}: one of the two; {@code catch-up}: both
 * over what Kafka holds now, from the same checkpoints, then exit; {@code recommend}:
 * one training run over the lake, its results published, then exit. Settings: {@link AnalyticsSettings}.
 */
public final class AnalyticsJob {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsJob.class);
    private static final String USAGE = "usage: AnalyticsJob stream|reports|lake|catch-up|recommend";

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        AnalyticsSettings settings = AnalyticsSettings.fromEnvironment();
        switch (args[0]) {
            case "stream" -> stream(settings, true, true);
            case "reports" -> stream(settings, true, false);
            case "lake" -> stream(settings, false, true);
            case "catch-up" -> stream(settings.withOnce(true), true, true);
            case "recommend" -> {
                SparkSession spark = SparkSessions.create("bazaar-recommend");
                RecommendationRun.Summary summary = RecommendationRun.run(spark, settings);
                log.info("Recommendations published: {}", summary);
                spark.stop();
            }
            default -> {
                System.err.println("unknown job " + args[0] + "; " + USAGE);
                System.exit(2);
            }
        }
    }

    private static void stream(AnalyticsSettings settings, boolean reports, boolean lake) throws Exception {
        SparkSession spark = SparkSessions.create("bazaar-stream");
        List<StreamingQuery> queries = new ArrayList<>();
        if (reports) {
            queries.addAll(LiveReports.start(spark, settings));
        }
        if (lake) {
            queries.add(DataLake.start(spark, settings));
        }
        log.info(
                "Streaming {} queries from Kafka {} (topic prefix '{}'), lake {}, checkpoints {}",
                queries.size(),
                settings.kafkaBootstrap(),
                settings.topicPrefix(),
                settings.lakeUri(),
                settings.checkpointUri());
        if (settings.once()) {
            for (StreamingQuery query : queries) {
                query.awaitTermination();
            }
            spark.stop();
            return;
        }
        // Any query failing ends the job (non-zero exit): a supervisor restarts it from the checkpoints.
        spark.streams().awaitAnyTermination();
    }

    private AnalyticsJob() {}
}
