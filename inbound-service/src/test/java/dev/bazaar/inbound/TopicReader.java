package dev.bazaar.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a plain consumer, keeping only the records a filter wants. */
public final class TopicReader {

    public record Result(long count, List<ConsumerRecord<String, byte[]>> kept) {
    }

    /** Reads until {@code expected} records were seen (or the timeout), keeping those matching {@code keep}. */
    public static Result read(String bootstrap, String topic, long expected, Duration timeout,
            Predicate<ConsumerRecord<String, byte[]>> keep) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long count = 0;
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && count < expected) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    if (keep.test(record)) {
                        kept.add(record);
                    }
                }
            }
        }
        return new Result(count, kept);
    }

    private TopicReader() {
    }
}
