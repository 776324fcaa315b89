package dev.bazaar.item;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TopicTail;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** The test class's {@code catalog.items.v1}, read as events through platform/testing's {@link TopicTail}. */
public final class CatalogEvents implements AutoCloseable {

    private final TopicTail topic;
    private final JsonMapper json;

    public CatalogEvents(IsolatedNames names, JsonMapper json) {
        this.topic = new TopicTail(LocalServer.KAFKA.address(), names.topic(Topics.CATALOG_ITEMS));
        this.json = json;
    }

    /** The item's events once there are at least {@code count} (30 s at most). */
    public List<CatalogItemChanged> await(String itemId, int count) {
        return events(topic.withKey(itemId, list -> list.size() >= count, Duration.ofSeconds(30)));
    }

    /** The item's records once there is one (30 s at most), for tests that need the record's metadata. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String itemId) {
        return topic.withKey(itemId, list -> !list.isEmpty(), Duration.ofSeconds(30));
    }

    /** The item's events after listening 2 s longer: to show that nothing more arrives. */
    public List<CatalogItemChanged> settled(String itemId) {
        return events(topic.withKeyAfterListening(itemId, Duration.ofSeconds(2)));
    }

    public CatalogItemChanged event(ConsumerRecord<String, byte[]> record) {
        return json.readValue(record.value(), CatalogItemChanged.class);
    }

    private List<CatalogItemChanged> events(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(this::event).toList();
    }

    @Override
    public void close() {
        topic.close();
    }
}
