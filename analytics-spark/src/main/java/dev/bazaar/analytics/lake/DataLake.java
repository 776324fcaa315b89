package dev.bazaar.analytics.lake;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.unix_micros;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Lands every event of the shop in the lake ({@link LakeLayout}): one streaming query from Kafka to
 * Parquet, partitioned by event type and UTC day.
 *
 * <p>Exactly once: Spark's file sink writes a batch's files, then records them in the table's
 * {@code _spark_metadata} log, and the Kafka offsets of the batch are in the checkpoint. A job killed
 * mid-batch reruns that batch from the same offsets after a restart; the files of the failed attempt were
 * never committed to the log, so readers that go through the table ({@link LakeReader}) never see them.
 * The checkpoint and the table belong together: a new checkpoint over an existing table numbers its
 * batches from 0 again, and the sink skips every batch its log already holds, losing those events. Delete
 * both or neither.
 */
public final class DataLake {

    /**
     * What the lake keeps: every fact the services publish. Not the analytics outputs (reports and
     * recommendations are derived from these events and recomputed from the lake), not
     * {@code supplier.items.v1} (inbound-service's translated supplier rows, a step on their way to
     * item-service: what the catalogue made of them is on catalog.items.v1), and not the dead-letter topics
     * (poison records with their errors, an operator's matter: a record replayed from there lands then).
     */
    static final List<String> TOPICS = List.of(
            Topics.CATALOG_ITEMS,
            Topics.INVENTORY_STOCK,
            Topics.SEARCH_QUERIES,
            Topics.CART_EVENTS,
            Topics.WISHLIST_EVENTS,
            Topics.ORDER_EVENTS,
            Topics.PAYMENT_EVENTS);

    /** Where a record without {@code ce_type} (not from a Bazaar producer) lands, rather than being lost. */
    static final String UNKNOWN_TYPE = "unknown";

    public static StreamingQuery start(SparkSession spark, AnalyticsSettings settings) {
        return start(spark, settings, settings.trigger(settings.lakeTrigger()));
    }

    /** With a trigger of the caller's: tests run {@link Trigger#AvailableNow()}. */
    static StreamingQuery start(SparkSession spark, AnalyticsSettings settings, Trigger trigger) {
        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.kafkaBootstrap())
                .option(
                        "subscribe",
                        String.join(",", TOPICS.stream().map(settings::topic).toList()))
                .option("includeHeaders", "true")
                // A new lake starts with all Kafka still holds; afterwards the checkpoint's offsets rule.
                .option("startingOffsets", "earliest")
                // Kafka deletes old segments by retention: if the job was down longer than that, the missing
                // offsets are gone for good. Failing would stop the lake forever; it carries on from the
                // earliest offset left (Spark logs the loss).
                .option("failOnDataLoss", "false")
                .load();
        try {
            return events(records, settings.topicPrefix())
                    .writeStream()
                    .queryName("lake")
                    .format("parquet")
                    .option("path", LakeLayout.eventsPath(settings.lakeUri()))
                    .option("checkpointLocation", stripSlash(settings.checkpointUri()) + "/lake")
                    .partitionBy(LakeLayout.EVENT_TYPE, LakeLayout.EVENT_DATE)
                    .outputMode(OutputMode.Append())
                    .trigger(trigger)
                    .start();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the lake query did not start", e);
        }
    }

    /** Kafka records (the Kafka source's columns, headers included) as rows of the events table. */
    static Dataset<Row> events(Dataset<Row> records, String topicPrefix) {
        Column value = col("value").cast("string");
        Column occurredAt =
                coalesce(expr("try_cast(" + header(CloudEventHeaders.TIME) + " as timestamp)"), col("timestamp"));
        return records.select(
                coalesce(expr(header(CloudEventHeaders.ID)), get_json_object(value, "$.eventId"))
                        .as(LakeLayout.EVENT_ID),
                col("topic").substr(topicPrefix.length() + 1, Integer.MAX_VALUE).as(LakeLayout.TOPIC),
                col("key").cast("string").as(LakeLayout.KEY),
                occurredAt.as(LakeLayout.OCCURRED_AT),
                value.as(LakeLayout.VALUE),
                coalesce(eventType(expr(header(CloudEventHeaders.TYPE))), lit(UNKNOWN_TYPE))
                        .as(LakeLayout.EVENT_TYPE),
                // The UTC day from the epoch, whatever the session's time zone.
                date_from_unix_date(floor(unix_micros(occurredAt).divide(86_400_000_000L))
                                .cast("int"))
                        .as(LakeLayout.EVENT_DATE));
    }

    /** A header's value as a string, the last one if repeated (as Kafka's {@code lastHeader}), else null. */
    private static String header(String name) {
        return "cast(try_element_at(filter(headers, h -> h.key = '" + name + "'), -1).value as string)";
    }

    /** {@link LakeLayout#eventType} as a column expression. */
    private static Column eventType(Column cloudEventType) {
        return regexp_replace(cloudEventType, "^" + Pattern.quote(LakeLayout.TYPE_PREFIX), "");
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private DataLake() {}
}
