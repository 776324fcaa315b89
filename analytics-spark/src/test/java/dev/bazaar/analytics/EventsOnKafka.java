package dev.bazaar.analytics;

import dev.bazaar.analytics.kafka.PublishedEvents;
import dev.bazaar.contracts.IntegrationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Test support for the jobs on the shared local Kafka: creates a test's (prefixed) topics, publishes the
 * contracts' events exactly as the services do (JSON value, CloudEvents headers, via {@link PublishedEvents}),
 * and reads a topic from its beginning until what was read satisfies a condition or a deadline passes.
 * One partition per topic: the order of a scripted sequence is the order the jobs read it in.
 */
public final class EventsOnKafka implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public EventsOnKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = PublishedEvents.producer(bootstrap);
    }

    /** Creates the physical topics (one partition each) so the jobs can subscribe before the first event. */
    public EventsOnKafka createTopics(String... physicalTopics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(Arrays.stream(physicalTopics)
                            .map(topic -> new NewTopic(topic, 1, (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + Arrays.toString(physicalTopics), e);
        }
        return this;
    }

    /** Publishes the events in order to {@code physicalTopic} and waits until the broker has them all. */
    public void publish(String physicalTopic, IntegrationEvent... events) {
        publish(physicalTopic, List.of(events));
    }

    public void publish(String physicalTopic, List<? extends IntegrationEvent> events) {
        try {
            for (IntegrationEvent event : events) {
                producer.send(PublishedEvents.record(physicalTopic, event)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + physicalTopic, e);
        }
    }

    /** Every record on {@code physicalTopic} so far (its one partition, from the beginning). */
    public List<ConsumerRecord<String, byte[]>> records(String physicalTopic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(physicalTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (consumer.position(partition) < end && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The values of {@code physicalTopic} read as {@code type} (the contracts' JSON). */
    public <T> List<T> values(String physicalTopic, Class<T> type) {
        return records(physicalTopic).stream()
                .map(record -> {
                    try {
                        return PublishedEvents.json().readValue(record.value(), type);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("not a " + type.getSimpleName() + ": " + record, e);
                    }
                })
                .toList();
    }

    /**
     * Reads {@code physicalTopic} again and again until its values satisfy {@code done}, and returns them;
     * fails with what was read when {@code within} passes first.
     */
    public <T> List<T> valuesOnceThey(String physicalTopic, Class<T> type, Predicate<List<T>> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<T> values = values(physicalTopic, type);
        while (!done.test(values)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("within " + within + ", " + physicalTopic + " did not get what was awaited; "
                        + values.size() + " values: " + values);
            }
            pause();
            values = values(physicalTopic, type);
        }
        return values;
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code within}. */
    public static void await(String what, Duration within, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200); // the poll interval of a condition with a deadline, not a wait standing in for one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
