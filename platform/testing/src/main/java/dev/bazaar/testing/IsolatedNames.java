package dev.bazaar.testing;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names that keep one test class's data apart from every other's on the shared servers: a
 * MariaDB/Mongo database, a Cassandra keyspace, an Elasticsearch index prefix, a Kafka topic prefix
 * and a Redis key prefix. All derive from one base that is unique per test class and run, and that
 * is valid in every store (lower case letters, digits and underscores, at most 48 characters: the
 * Cassandra keyspace limit).
 */
public record IsolatedNames(String base) {

    private static final int MAX_LENGTH = 48;

    public static IsolatedNames forTestClass(Class<?> testClass) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        suffix = suffix.substring(0, Math.min(8, suffix.length()));
        String stem = "t_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        int room = MAX_LENGTH - suffix.length() - 1;
        if (stem.length() > room) {
            stem = stem.substring(0, room);
        }
        return new IsolatedNames(stem + "_" + suffix);
    }

    public String database() {
        return base;
    }

    public String keyspace() {
        return base;
    }

    /** Elasticsearch index names must be lower case and may not contain some characters; ours are safe. */
    public String indexPrefix() {
        return base + "-";
    }

    public String topicPrefix() {
        return base + ".";
    }

    public String topic(String logicalTopic) {
        return topicPrefix() + logicalTopic;
    }

    public String redisKeyPrefix() {
        return base + ":";
    }
}
