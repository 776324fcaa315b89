package dev.bazaar.analytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Where the jobs read and write, from environment variables (the names the services use) or system
 * properties of the same name in lower case with dots ({@code -Dbazaar.lake.uri=…}), which win.
 *
 * @param kafkaBootstrap {@code BAZAAR_KAFKA_BOOTSTRAP}, default the local broker of {@code ./bazaar infra up}
 * @param topicPrefix {@code BAZAAR_KAFKA_TOPIC_PREFIX}: prepended to every topic name, as in the services
 *     (empty in production; tests isolate their topics with it)
 * @param lakeUri {@code BAZAAR_LAKE_URI}: the data lake's root, a local path or {@code hdfs://namenode:8020/bazaar}
 * @param checkpointUri {@code BAZAAR_CHECKPOINT_URI}: the streaming queries' checkpoints, default
 *     {@code <lake>/_checkpoints}; kept across restarts, it is what makes a restart neither lose nor
 *     double-count
 * @param reportTrigger {@code BAZAAR_REPORT_TRIGGER}: how often the report queries run a micro-batch (1 minute)
 * @param lateness {@code BAZAAR_REPORT_LATENESS}: the watermark delay (5 minutes); an event older than the
 *     newest seen minus this is dropped (counted in the query's progress) rather than counted. The services
 *     publish through outboxes within seconds, so 5 minutes covers a broker or relay hiccup, while a report
 *     of "the last 30 minutes" is published at most 5 minutes after its window ends
 * @param topN {@code BAZAAR_TOP_N}: entries per report snapshot and items per recommendation list
 * @param once {@code BAZAAR_STREAM_ONCE}: the streaming queries process what Kafka holds now and stop
 *     ({@code Trigger.AvailableNow}, the {@code catch-up} job) instead of running on their triggers
 * @param lakeTrigger {@code BAZAAR_LAKE_TRIGGER}: how often the lake query writes what arrived (1 minute:
 *     fewer, larger Parquet files than the reports' pace would need)
 */
public record AnalyticsSettings(
        String kafkaBootstrap,
        String topicPrefix,
        String lakeUri,
        String checkpointUri,
        Duration reportTrigger,
        Duration lateness,
        int topN,
        boolean once,
        Duration lakeTrigger)
        implements java.io.Serializable {

    public static AnalyticsSettings fromEnvironment() {
        return from(System.getenv());
    }

    static AnalyticsSettings from(Map<String, String> env) {
        String lake = setting(
                env,
                "BAZAAR_LAKE_URI",
                Path.of(System.getProperty("user.home"), ".bazaar", "lake")
                        .toUri()
                        .toString());
        return new AnalyticsSettings(
                setting(env, "BAZAAR_KAFKA_BOOTSTRAP", "127.0.0.1:19092"),
                setting(env, "BAZAAR_KAFKA_TOPIC_PREFIX", ""),
                lake,
                setting(env, "BAZAAR_CHECKPOINT_URI", stripSlash(lake) + "/_checkpoints"),
                Duration.parse(setting(env, "BAZAAR_REPORT_TRIGGER", "PT1M")),
                Duration.parse(setting(env, "BAZAAR_REPORT_LATENESS", "PT5M")),
                Integer.parseInt(setting(env, "BAZAAR_TOP_N", "10")),
                Boolean.parseBoolean(setting(env, "BAZAAR_STREAM_ONCE", "false")),
                Duration.parse(setting(env, "BAZAAR_LAKE_TRIGGER", "PT1M")));
    }

    /**
     * A streaming query's trigger: every {@code every}, or once over what is there when {@link #once()}.
     */
    public Trigger trigger(Duration every) {
        return once ? Trigger.AvailableNow() : Trigger.ProcessingTime(every.toMillis());
    }

    /** The physical name of a logical topic ({@link dev.bazaar.contracts.Topics}). */
    public String topic(String logicalTopic) {
        return topicPrefix + logicalTopic;
    }

    public AnalyticsSettings withLakeUri(String uri) {
        return new AnalyticsSettings(
                kafkaBootstrap,
                topicPrefix,
                uri,
                stripSlash(uri) + "/_checkpoints",
                reportTrigger,
                lateness,
                topN,
                once,
                lakeTrigger);
    }

    public AnalyticsSettings withCheckpointUri(String uri) {
        return new AnalyticsSettings(
                kafkaBootstrap, topicPrefix, lakeUri, uri, reportTrigger, lateness, topN, once, lakeTrigger);
    }

    public AnalyticsSettings withTopicPrefix(String prefix) {
        return new AnalyticsSettings(
                kafkaBootstrap, prefix, lakeUri, checkpointUri, reportTrigger, lateness, topN, once, lakeTrigger);
    }

    public AnalyticsSettings withReportTrigger(Duration trigger) {
        return new AnalyticsSettings(
                kafkaBootstrap, topicPrefix, lakeUri, checkpointUri, trigger, lateness, topN, once, lakeTrigger);
    }

    public AnalyticsSettings withLateness(Duration delay) {
        return new AnalyticsSettings(
                kafkaBootstrap, topicPrefix, lakeUri, checkpointUri, reportTrigger, delay, topN, once, lakeTrigger);
    }

    public AnalyticsSettings withOnce(boolean runOnce) {
        return new AnalyticsSettings(
                kafkaBootstrap,
                topicPrefix,
                lakeUri,
                checkpointUri,
                reportTrigger,
                lateness,
                topN,
                runOnce,
                lakeTrigger);
    }

    /**
     * The value of environment variable {@code name} in {@code env}, unless a system property of the same name in
     * lower case with dots is set ({@code BAZAAR_LAKE_URI} → {@code bazaar.lake.uri}), which wins; blank is unset.
     */
    public static String setting(Map<String, String> env, String name, String fallback) {
        String property = System.getProperty(name.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = env.get(name);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
