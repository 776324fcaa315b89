package dev.bazaar.analytics.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.contracts.Topics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The shopping events the reports read, as Spark rows: one explicit schema per event with only the fields
 * a report uses (from_json ignores the rest, so a field added to a contract changes nothing here).
 * {@code occurredAt} is read as a string and cast: Jackson writes instants with up to nine fraction
 * digits, which the cast truncates to Spark's microseconds where from_json's default pattern would not
 * parse them.
 */
final class ShoppingEvents {

    static final String EVENT_ID = "eventId";
    static final String EVENT_TIME = "eventTime";

    private static final StructType MONEY =
            new StructType().add("minor", DataTypes.LongType).add("currency", DataTypes.StringType);

    /** {@code OrderStatusChanged} on orders.events.v1. */
    static final StructType ORDER_STATUS_CHANGED = new StructType()
            .add(EVENT_ID, DataTypes.StringType)
            .add("occurredAt", DataTypes.StringType)
            .add("orderId", DataTypes.StringType)
            .add("to", DataTypes.StringType)
            .add(
                    "lines",
                    DataTypes.createArrayType(new StructType()
                            .add("itemId", DataTypes.StringType)
                            .add("quantity", DataTypes.IntegerType)
                            .add("unitPrice", MONEY)));

    /** {@code WishlistChanged} on wishlist.events.v1. */
    static final StructType WISHLIST_CHANGED = new StructType()
            .add(EVENT_ID, DataTypes.StringType)
            .add("occurredAt", DataTypes.StringType)
            .add("action", DataTypes.StringType)
            .add("itemId", DataTypes.StringType);

    /** {@code SearchPerformed} on search.queries.v1. */
    static final StructType SEARCH_PERFORMED = new StructType()
            .add(EVENT_ID, DataTypes.StringType)
            .add("occurredAt", DataTypes.StringType)
            .add("query", DataTypes.StringType);

    /**
     * The events of one logical topic ({@link Topics}) as a stream, from the earliest offset on a first
     * start (a checkpoint says where to resume afterwards): the schema's columns plus {@link #EVENT_TIME}.
     * A record that is not the event's JSON has no event time and is skipped.
     */
    static Dataset<Row> stream(SparkSession spark, AnalyticsSettings settings, String logicalTopic, StructType schema) {
        return spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.kafkaBootstrap())
                .option("subscribe", settings.topic(logicalTopic))
                .option("startingOffsets", "earliest")
                // Records deleted by retention before the job read them are gone whatever the job does: the
                // reports carry on with what is left rather than stop the shop's live view.
                .option("failOnDataLoss", "false")
                .load()
                .select(from_json(col("value").cast("string"), schema).as("event"))
                .select("event.*")
                .withColumn(EVENT_TIME, col("occurredAt").cast("timestamp"))
                .filter(col(EVENT_TIME).isNotNull().and(col(EVENT_ID).isNotNull()));
    }

    private ShoppingEvents() {}
}
