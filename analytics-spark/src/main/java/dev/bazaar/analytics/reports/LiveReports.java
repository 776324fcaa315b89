package dev.bazaar.analytics.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.window;

import dev.bazaar.analytics.AnalyticsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The live reports: what shoppers buy, order, wishlist and search for right now, as sliding event-time
 * windows over the shopping events, each window's top N published to analytics.reports.v1 once final.
 *
 * <p>Per report: events parsed ({@link ShoppingEvents}), a watermark of {@code settings.lateness()} behind
 * the newest event time seen, the events the report counts, redeliveries of one event dropped by event id
 * within the watermark, then the scores summed per (window, key) in windows of the report's length that
 * start every minute. Output mode append: a window is emitted once, when the watermark passes its end;
 * an event later than the watermark is dropped whole by the de-duplication (and counted by {@link
 * LateEvents}), one inside it still counts. State and Kafka offsets live in the query's checkpoint, so a
 * restart resumes where the last committed batch ended.
 *
 * <p>Trade-off of append mode: only a newer event moves the watermark, so in a quiet shop the last windows
 * wait for the next event (of the same source topic) before they are published.
 *
 * <p>One query per report rather than per source topic: each has its own checkpoint, state and late-event
 * count, and one report's change of shape never invalidates another's checkpoint; the three order reports
 * read orders.events.v1 three times, which at a shop's event rates is cheap. cart.events.v1 feeds none of
 * the reports (the lake keeps it for the recommendations).
 */
public final class LiveReports {

    /** Starts one streaming query per report; they run until the session stops. */
    public static List<StreamingQuery> start(SparkSession spark, AnalyticsSettings settings) {
        LateEvents.of(spark);
        List<StreamingQuery> queries = new ArrayList<>();
        for (Report report : Report.values()) {
            queries.add(start(spark, settings, report));
        }
        return queries;
    }

    /** Late events the query's current run dropped so far (summed from its progress by a listener). */
    public static long droppedLateEvents(SparkSession spark, StreamingQuery query) {
        return LateEvents.of(spark).dropped(query.runId());
    }

    static String queryName(Report report) {
        return "report-" + report.reportName();
    }

    private static StreamingQuery start(SparkSession spark, AnalyticsSettings settings, Report report) {
        Dataset<Row> events = ShoppingEvents.stream(spark, settings, report.topic(), report.schema())
                .withWatermark(ShoppingEvents.EVENT_TIME, interval(settings.lateness()));
        Dataset<Row> unique = report.counted(events).dropDuplicatesWithinWatermark(ShoppingEvents.EVENT_ID);
        Dataset<Row> windowScores = report.contributions(unique)
                .groupBy(
                        window(col(ShoppingEvents.EVENT_TIME), interval(report.window()), interval(Report.SLIDE))
                                .as("window"),
                        col(Report.KEY))
                .agg(sum(Report.SCORE).as(Report.SCORE));
        try {
            return windowScores
                    .writeStream()
                    .queryName(queryName(report))
                    .outputMode(OutputMode.Append())
                    .option("checkpointLocation", checkpoint(settings, report))
                    .trigger(settings.trigger(settings.reportTrigger()))
                    .foreachBatch(new SnapshotPublisher(report, settings))
                    .start();
        } catch (TimeoutException e) {
            throw new IllegalStateException("report " + report.reportName() + " did not start", e);
        }
    }

    private static String checkpoint(AnalyticsSettings settings, Report report) {
        String root = settings.checkpointUri();
        return (root.endsWith("/") ? root : root + "/") + "reports/" + report.reportName();
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private LiveReports() {}
}
