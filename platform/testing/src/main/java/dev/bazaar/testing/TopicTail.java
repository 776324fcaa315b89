package dev.bazaar.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link KafkaRecords}' reader kept subscribed: it reads the topic from the beginning and remembers every record
 * it has read, so a test can wait for what comes after its last step without reading everything again.
 */
public final class TopicTail implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicTail(String bootstrapServers, String topic) {
        this.topic = topic;
        consumer = KafkaRecords.consumer(bootstrapServers);
        consumer.subscribe(List.of(topic));
    }

    /**
     * Every record with this key read so far, polling (at least once) until {@code until} holds for them or the
     * timeout passes.
     */
    public List<ConsumerRecord<String, byte[]>> withKey(
            String key, Predicate<List<ConsumerRecord<String, byte[]>>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, byte[]>> matching;
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            matching = records.stream().filter(r -> key.equals(r.key())).toList();
        } while (!until.test(matching) && Instant.now().isBefore(deadline));
        return matching;
    }

    /**
     * Every record with this key up to the topic's end offsets as they are when called (see
     * {@link KafkaRecords#readToEnd}): once what the test waits for is acknowledged by Kafka, this is all there is,
     * so an absence can be asserted without listening for a while. Fails if the end is not reached in time.
     */
    public List<ConsumerRecord<String, byte[]>> withKeyToEnd(String key, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(timeout);
        // Subscribed: a partition's position is known once the group assigned it to this reader.
        while (!consumer.assignment().containsAll(ends.keySet()) || !KafkaRecords.reached(consumer, ends)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "did not read " + topic + " up to its end offsets " + ends + " within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
