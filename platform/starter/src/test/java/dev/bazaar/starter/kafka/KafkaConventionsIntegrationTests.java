package dev.bazaar.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * An event published by one service reaches another's typed listener with its CloudEvents headers;
 * a record that cannot be read, or that keeps failing, is parked in {@code <topic>.dlt} with the error.
 */
@SpringBootTest(properties = "bazaar.kafka.retry-interval-ms=50")
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class KafkaConventionsIntegrationTests {

    static final BlockingQueue<Message<StockChanged>> received = new LinkedBlockingQueue<>();

    @TestConfiguration
    static class StockListener {

        @Bean
        Object stockChangedListener() {
            return new Object() {
                @KafkaListener(topics = "${bazaar.kafka.topic-prefix}" + Topics.INVENTORY_STOCK)
                void on(Message<StockChanged> message) {
                    if (message.getPayload().itemId().equals("explodes")) {
                        throw new IllegalStateException("projection rejected item explodes");
                    }
                    received.add(message);
                }
            };
        }
    }

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    KafkaTemplate<String, byte[]> rawTemplate;

    @Autowired
    IsolatedNames names;

    @Test
    void publishedEventReachesATypedListenerWithCloudEventsHeaders() throws Exception {
        var event =
                new StockChanged(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), "tv-55", "BLR-1", 3, 7, 12);

        publisher.publish(event).get(10, TimeUnit.SECONDS);

        Message<StockChanged> message = received.poll(20, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getPayload()).isEqualTo(event);
        assertThat(header(message, "kafka_receivedMessageKey")).isEqualTo("tv-55");
        assertThat(header(message, CloudEventHeaders.ID))
                .isEqualTo(event.eventId().toString());
        assertThat(header(message, CloudEventHeaders.TYPE)).isEqualTo("dev.bazaar.StockChanged");
        assertThat(header(message, CloudEventHeaders.SOURCE)).isEqualTo("/bazaar/starter-tests");
        assertThat(header(message, CloudEventHeaders.TIME)).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void unreadableAndFailingRecordsAreParkedInTheDeadLetterTopicWithTheError() throws Exception {
        String topic = names.topic(Topics.INVENTORY_STOCK);
        rawTemplate
                .send(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS);
        publisher
                .publish(new StockChanged(UUID.randomUUID(), Instant.now(), "explodes", "BLR-1", 1, 1, 1))
                .get(10, TimeUnit.SECONDS);
        var healthy = new StockChanged(UUID.randomUUID(), Instant.now(), "after-poison", "BLR-1", 1, 1, 1);
        publisher.publish(healthy).get(10, TimeUnit.SECONDS);

        var parked = KafkaRecords.read(
                LocalServer.KAFKA.address(),
                Topics.deadLetterOf(topic),
                records -> records.size() >= 2,
                Duration.ofSeconds(30));

        assertThat(parked).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", "explodes");
        var poison = parked.stream()
                .filter(r -> r.key().equals("poison"))
                .findFirst()
                .orElseThrow();
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(headerOf(poison, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(headerOf(poison, "kafka_dlt-exception-fqcn")).isNotBlank();
        var failing = parked.stream()
                .filter(r -> r.key().equals("explodes"))
                .findFirst()
                .orElseThrow();
        assertThat(headerOf(failing, "kafka_dlt-exception-message")).contains("projection rejected item explodes");
        // The consumer moved on: the next healthy event was processed.
        Message<StockChanged> next;
        do {
            next = received.poll(20, TimeUnit.SECONDS);
        } while (next != null && !next.getPayload().equals(healthy));
        assertThat(next).isNotNull();
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static String headerOf(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
