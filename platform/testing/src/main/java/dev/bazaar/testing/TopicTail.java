package dev.bazaar.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@link KafkaRecords}' reader kept subscribed: it reads the topic from the beginning and remembers every record
 * it has read, so a test can wait for what comes after its last step without reading everything again.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicTail(String bootstrapServers, String topic) {
        consumer = KafkaRecords.consumer(bootstrapServers);
        consumer.subscribe(List.of(topic));
    }

    /**
     * Every record with this key read so far, polling (at least once) until {@code until} holds for them or the
     * timeout passes.
     */
    public List<ConsumerRecord<String, byte[]>> withKey(String key,
            Predicate<List<ConsumerRecord<String, byte[]>>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, byte[]>> matching;
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            matching = records.stream().filter(r -> key.equals(r.key())).toList();
        } while (!until.test(matching) && Instant.now().isBefore(deadline));
        return matching;
    }

    /** Every record with this key after listening for the whole {@code time}: an absence check by waiting. */
    public List<ConsumerRecord<String, byte[]>> withKeyAfterListening(String key, Duration time) {
        return withKey(key, list -> false, time);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
