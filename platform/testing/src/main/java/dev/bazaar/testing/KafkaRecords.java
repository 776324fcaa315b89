package dev.bazaar.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The one way tests read Kafka: a plain consumer in a fresh group reading a topic from the beginning, as an
 * outside party would. {@link TopicTail} is the same reader kept subscribed between reads.
 */
public final class KafkaRecords {

    /** Every record from the start, polling until {@code until} holds for those read so far or the timeout passes. */
    public static List<ConsumerRecord<String, byte[]>> read(
            String bootstrapServers,
            String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> until,
            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !until.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * How many records were read from the start until at least {@code atLeast} came or the timeout passed,
     * without keeping them (for topics too large to hold); {@code seen} gets each record.
     */
    public static long count(
            String bootstrapServers,
            String topic,
            long atLeast,
            Duration timeout,
            Consumer<ConsumerRecord<String, byte[]>> seen) {
        long count = 0;
        try (var consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && count < atLeast) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    seen.accept(record);
                }
            }
        }
        return count;
    }

    /** The records from the start until every one of {@code keys} has been read; fails after the timeout. */
    public static List<ConsumerRecord<String, byte[]>> readUntilKeys(
            String bootstrapServers, String topic, Collection<String> keys, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = read(
                bootstrapServers,
                topic,
                read -> read.stream()
                        .map(ConsumerRecord::key)
                        .collect(Collectors.toSet())
                        .containsAll(keys),
                timeout);
        var missing = new ArrayList<>(keys);
        missing.removeAll(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        if (!missing.isEmpty()) {
            throw new AssertionError("no records with keys " + missing + " on " + topic + " within " + timeout);
        }
        return records;
    }

    /** The first record with this key on the topic (read from the start); fails after the timeout. */
    public static ConsumerRecord<String, byte[]> firstWithKey(
            String bootstrapServers, String topic, String key, Duration timeout) {
        return read(bootstrapServers, topic, found -> found.stream().anyMatch(r -> key.equals(r.key())), timeout)
                .stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no record with key " + key + " on " + topic + " within " + timeout));
    }

    /**
     * Every record the topic holds now: read from the start up to its end offsets as they are when called.
     * Called once what the test waits for is known to be acknowledged by Kafka (a service's outbox emptied, its
     * publication intents forgotten), this is everything that was published, so an absence can be asserted
     * without listening for a while. Fails if the end offsets are not reached within the timeout.
     */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(
            String bootstrapServers, String topic, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "did not read " + topic + " up to its end offsets " + ends + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Whether the consumer's position in each of these (assigned) partitions is at least the given offset. */
    static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** How many records the topic holds now: its end offsets minus its beginning offsets, summed over partitions. */
    public static long recordsNow(String bootstrapServers, String topic) {
        try (var consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - starts.get(end.getKey()))
                    .sum();
        }
    }

    public static int partitionCount(String bootstrapServers, String topic) {
        try (var consumer = consumer(bootstrapServers)) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
        }
    }

    /** The last value of a header as UTF-8 text, or null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id of the record's W3C {@code traceparent} ("00-traceid-spanid-flags"), or null without one. */
    public static String traceId(ConsumerRecord<?, ?> record) {
        String traceparent = header(record, "traceparent");
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private KafkaRecords() {}
}
