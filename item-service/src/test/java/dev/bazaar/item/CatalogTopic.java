package dev.bazaar.item;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code catalog.items.v1} with a plain Kafka consumer, as a downstream service would. */
public final class CatalogTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonMapper json;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public CatalogTopic(String bootstrapServers, String topic, JsonMapper json) {
        this.json = json;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every record for {@code itemId} so far, polling until {@code until} holds or the timeout passes. */
    public List<ConsumerRecord<String, byte[]>> recordsFor(String itemId,
            Predicate<List<ConsumerRecord<String, byte[]>>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, byte[]>> matching;
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            matching = records.stream().filter(r -> itemId.equals(r.key())).toList();
        } while (!until.test(matching) && Instant.now().isBefore(deadline));
        return matching;
    }

    /** Waits for the {@code count}-th event of an item and returns all of its events so far. */
    public List<CatalogItemChanged> awaitEvents(String itemId, int count) {
        return recordsFor(itemId, list -> list.size() >= count, Duration.ofSeconds(30)).stream().map(this::event).toList();
    }

    /** The events of an item after listening a little longer: to show that nothing more arrives. */
    public List<CatalogItemChanged> settledEvents(String itemId) {
        return recordsFor(itemId, list -> false, Duration.ofSeconds(2)).stream().map(this::event).toList();
    }

    public CatalogItemChanged event(ConsumerRecord<String, byte[]> record) {
        return json.readValue(record.value(), CatalogItemChanged.class);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
