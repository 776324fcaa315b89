package dev.bazaar.analytics.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.analytics.kafka.PublishedEvents;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.ReportPublished;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of a report's query ({@code foreachBatch}, on the driver): the windows a micro-batch made final,
 * their top N, one {@link ReportPublished} each on analytics.reports.v1. It returns only once Kafka has
 * acknowledged every snapshot; Spark commits the batch after that. A job killed in between replays the
 * batch on restart and publishes the same snapshots again, same event ids: none lost, none counted twice.
 */
final class SnapshotPublisher implements VoidFunction2<Dataset<Row>, Long> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    // One producer per broker for the job's life, shared by the report queries (a producer is thread-safe).
    private static final Map<String, KafkaProducer<String, byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private final Report report;
    private final String bootstrap;
    private final String topic;
    private final int topN;

    SnapshotPublisher(Report report, AnalyticsSettings settings) {
        this.report = report;
        this.bootstrap = settings.kafkaBootstrap();
        this.topic = settings.topic(Topics.ANALYTICS_REPORTS);
        this.topN = settings.topN();
    }

    @Override
    public void call(Dataset<Row> finalWindows, Long batchId) throws Exception {
        // The top N per window is cut in Spark, so the driver collects N rows per window, not every key's.
        List<Row> rows = finalWindows
                .withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy(col("window"))
                                        .orderBy(
                                                col(Report.SCORE).desc(),
                                                col(Report.KEY).asc())))
                .filter(col("rank").leq(topN))
                .select(col("window.start"), col("window.end"), col(Report.KEY), col(Report.SCORE))
                .collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        List<WindowScore> scores = rows.stream()
                .map(row -> new WindowScore(
                        instant(row.get(0)),
                        instant(row.get(1)),
                        row.getString(2),
                        ((Number) row.get(3)).doubleValue()))
                .toList();
        List<ReportPublished> snapshots = ReportSnapshots.of(report, scores, topN, Instant.now());
        KafkaProducer<String, byte[]> producer = PRODUCERS.computeIfAbsent(bootstrap, PublishedEvents::producer);
        // Failing the batch fails the query: the job stops and a restart replays this batch.
        PublishedEvents.sendAll(
                producer, topic, snapshots.iterator(), report.reportName() + ": snapshots of batch " + batchId);
        log.info(
                "{}: published {} final windows up to {} (batch {})",
                report.reportName(),
                snapshots.size(),
                snapshots.get(snapshots.size() - 1).windowEnd(),
                batchId);
    }

    // java.sql.Timestamp unless the session enables Spark's Java 8 time API.
    private static Instant instant(Object timestamp) {
        return timestamp instanceof Instant instant ? instant : ((java.sql.Timestamp) timestamp).toInstant();
    }
}
