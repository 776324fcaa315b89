package dev.bazaar.testing;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events as the platform's publishers do, for a test that stands in for their producer: the
 * event as JSON on its topic (under a test's topic prefix), keyed by {@link IntegrationEvent#key()}, with
 * the CloudEvents headers ({@link CloudEventHeaders}) and {@code ce_source} {@code /bazaar/<source>}. A
 * plain Kafka producer on the local server, so it needs no Spring context.
 */
public final class KafkaEvents implements AutoCloseable {

    private final String source;
    private final KafkaProducer<String, byte[]> producer;

    private KafkaEvents(String source, KafkaProducer<String, byte[]> producer) {
        this.source = source;
        this.producer = producer;
    }

    /** A producer on the local Kafka whose events name {@code source} (e.g. "e2e") as their producer. */
    public static KafkaEvents open(String source) {
        LocalServer.KAFKA.requireReachable();
        return new KafkaEvents(
                CloudEventHeaders.sourceOf(source),
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalServer.KAFKA.address(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer()));
    }

    /** Sends {@code event} to {@code topicPrefix} + its topic; returns once Kafka has acknowledged it. */
    public void publish(String topicPrefix, IntegrationEvent event) {
        var record = CloudEventHeaders.record(
                topicPrefix + event.topic(),
                event.key(),
                HttpTestClient.JSON.writeValueAsBytes(event),
                event.eventId().toString(),
                event.type(),
                source,
                CloudEventHeaders.time(event.occurredAt()));
        try {
            producer.send(record).get(); // bounded by the producer's delivery timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.type() + " " + event.key(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(event.type() + " " + event.key() + " not sent", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
