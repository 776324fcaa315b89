package dev.bazaar.analytics.lake;

/**
 * The data lake's one table, {@code <lake>/events}: every event of the shop as it was published, in
 * Parquet, partitioned by {@code event_type} (the CloudEvents type without its {@code dev.bazaar.}
 * prefix, e.g. {@code OrderStatusChanged}) and {@code event_date} (UTC day of {@code occurred_at}).
 * Columns: {@code event_id} (string, ce_id), {@code topic} (logical name, no test prefix), {@code key}
 * (string), {@code occurred_at} (timestamp, ce_time), {@code value} (string: the event's JSON, parsed by
 * whoever reads it with the schema it needs), {@code event_type}, {@code event_date} (date).
 */
public final class LakeLayout {

    public static final String EVENT_ID = "event_id";
    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    public static final String OCCURRED_AT = "occurred_at";
    public static final String VALUE = "value";
    public static final String EVENT_TYPE = "event_type";
    public static final String EVENT_DATE = "event_date";

    /** What {@link #eventType} strips from a CloudEvents type. */
    public static final String TYPE_PREFIX = "dev.bazaar.";

    /** The events table under a lake root ({@code file:/…} or {@code hdfs://…}). */
    public static String eventsPath(String lakeUri) {
        return (lakeUri.endsWith("/") ? lakeUri : lakeUri + "/") + "events";
    }

    /** {@code dev.bazaar.OrderStatusChanged} → {@code OrderStatusChanged}. */
    public static String eventType(String cloudEventType) {
        return cloudEventType.startsWith(TYPE_PREFIX) ? cloudEventType.substring(TYPE_PREFIX.length()) : cloudEventType;
    }

    private LakeLayout() {}
}
