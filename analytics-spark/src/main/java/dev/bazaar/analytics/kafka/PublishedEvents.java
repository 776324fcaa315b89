package dev.bazaar.analytics.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the jobs publish: the contracts' records as JSON, in the CloudEvents binary binding of every
 * Bazaar event ({@link CloudEventHeaders}), so the Spring services read them as any other event. Jackson 2
 * here (Spark's); the services' Jackson 3 writes the same JSON: ISO-8601 instants, records by component.
 */
public final class PublishedEvents {

    public static final String SOURCE = CloudEventHeaders.sourceOf("analytics-spark");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static ObjectMapper json() {
        return JSON;
    }

    /** The record of {@code event} on {@code physicalTopic} (the logical topic with the settings' prefix). */
    public static ProducerRecord<String, byte[]> record(String physicalTopic, IntegrationEvent event) {
        try {
            return CloudEventHeaders.record(
                    physicalTopic,
                    event.key(),
                    JSON.writeValueAsBytes(event),
                    event.eventId().toString(),
                    event.type(),
                    SOURCE,
                    CloudEventHeaders.time(event.occurredAt()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /**
     * Sends every event and returns only once Kafka acknowledged them all (what lets the caller's Spark batch
     * or task commit); after a failed send no more are sent, and the first failure is thrown.
     */
    public static void sendAll(
            KafkaProducer<String, byte[]> producer,
            String physicalTopic,
            Iterator<? extends IntegrationEvent> events,
            String what) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        while (events.hasNext() && failure.get() == null) {
            producer.send(record(physicalTopic, events.next()), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException(what + " not published to " + physicalTopic, failure.get());
        }
    }

    /** An idempotent producer (acks=all): a retried send is written once. */
    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private PublishedEvents() {}
}
