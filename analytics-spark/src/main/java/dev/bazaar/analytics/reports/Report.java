package dev.bazaar.analytics.reports;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;

import dev.bazaar.contracts.Topics;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A live report: which events it counts (one source topic), over how long a sliding window, and what one
 * event adds to which key's score. {@link #contributions} turns de-duplicated events into rows of
 * ({@code eventTime}, {@code key}, {@code score}); the windows then sum the scores per key.
 */
enum Report {
    /** Units of the lines of orders placed (paid), last 30 minutes. */
    MOST_BOUGHT(
            "most-bought",
            Duration.ofMinutes(30),
            Topics.ORDER_EVENTS,
            ShoppingEvents.ORDER_STATUS_CHANGED,
            Report::placed,
            events -> events.select(
                            col(ShoppingEvents.EVENT_TIME),
                            explode(col("lines")).as("line"))
                    .select(
                            col(ShoppingEvents.EVENT_TIME),
                            col("line.itemId").as(Report.KEY),
                            col("line.quantity").cast("long").as(Report.SCORE))),
    /** Orders placed per item, last hour: an order with two lines of one item counts once. */
    MOST_ORDERED(
            "most-ordered",
            Duration.ofHours(1),
            Topics.ORDER_EVENTS,
            ShoppingEvents.ORDER_STATUS_CHANGED,
            Report::placed,
            events -> events.select(
                            col(ShoppingEvents.EVENT_TIME),
                            explode(array_distinct(col("lines.itemId"))).as(Report.KEY))
                    .withColumn(Report.SCORE, lit(1L))),
    /** Revenue of the lines of orders placed, in paise (INR only), last hour. */
    TOP_REVENUE(
            "top-revenue",
            Duration.ofHours(1),
            Topics.ORDER_EVENTS,
            ShoppingEvents.ORDER_STATUS_CHANGED,
            Report::placed,
            events -> events.select(
                            col(ShoppingEvents.EVENT_TIME),
                            explode(col("lines")).as("line"))
                    .filter(col("line.unitPrice.currency").equalTo("INR"))
                    .select(
                            col(ShoppingEvents.EVENT_TIME),
                            col("line.itemId").as(Report.KEY),
                            col("line.quantity")
                                    .cast("long")
                                    .multiply(col("line.unitPrice.minor"))
                                    .as(Report.SCORE))),
    /** Wishlist adds, last 30 minutes (a removal takes nothing back: the report counts intent shown). */
    MOST_WISHLISTED(
            "most-wishlisted",
            Duration.ofMinutes(30),
            Topics.WISHLIST_EVENTS,
            ShoppingEvents.WISHLIST_CHANGED,
            events -> events.filter(col("action").equalTo("ADDED")),
            events -> events.select(
                    col(ShoppingEvents.EVENT_TIME), col("itemId").as(Report.KEY), lit(1L).as(Report.SCORE))),
    /** Searches per query (lower-cased and trimmed; blank ones skipped), last 30 minutes. */
    SEARCHES(
            "searches",
            Duration.ofMinutes(30),
            Topics.SEARCH_QUERIES,
            ShoppingEvents.SEARCH_PERFORMED,
            events -> events.filter(normalisedQuery(col("query")).notEqual("")),
            events -> events.select(
                    col(ShoppingEvents.EVENT_TIME),
                    normalisedQuery(col("query")).as(Report.KEY),
                    lit(1L).as(Report.SCORE)));

    static final String KEY = "key";
    static final String SCORE = "score";
    /** How often every window's snapshot moves on: windows start on every whole minute. */
    static final Duration SLIDE = Duration.ofMinutes(1);

    private final String reportName;
    private final Duration window;
    private final String topic;
    private final StructType schema;
    private final UnaryOperator<Dataset<Row>> counted;
    private final UnaryOperator<Dataset<Row>> contributions;

    Report(
            String reportName,
            Duration window,
            String topic,
            StructType schema,
            UnaryOperator<Dataset<Row>> counted,
            UnaryOperator<Dataset<Row>> contributions) {
        this.reportName = reportName;
        this.window = window;
        this.topic = topic;
        this.schema = schema;
        this.counted = counted;
        this.contributions = contributions;
    }

    /** The name on analytics.reports.v1 (the record key and {@code ReportPublished.report}). */
    String reportName() {
        return reportName;
    }

    Duration window() {
        return window;
    }

    /** The logical source topic. */
    String topic() {
        return topic;
    }

    StructType schema() {
        return schema;
    }

    /** Keeps the events the report counts (before de-duplication, so the dedupe state holds only those). */
    Dataset<Row> counted(Dataset<Row> events) {
        return counted.apply(events);
    }

    /** ({@code eventTime}, {@code key}, {@code score}) rows of counted, de-duplicated events. */
    Dataset<Row> contributions(Dataset<Row> events) {
        return contributions.apply(events);
    }

    /**
     * The searches report's key: "  Red Shoes\t" and "red shoes" are one query; null stays null. Spark's
     * {@code trim} strips spaces only, so any leading or trailing whitespace goes by pattern.
     */
    static Column normalisedQuery(Column query) {
        return lower(regexp_replace(query, "^\\s+|\\s+$", ""));
    }

    /** An order is bought when it moves to PLACED (paid); its other transitions count nowhere here. */
    private static Dataset<Row> placed(Dataset<Row> orderEvents) {
        return orderEvents.filter(col("to").equalTo("PLACED"));
    }
}
