package dev.bazaar.item;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.item.catalog.PublicationIntents;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TopicTail;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/** The test class's {@code catalog.items.v1}, read as events through platform/testing's {@link TopicTail}. */
public final class CatalogEvents implements AutoCloseable {

    private final TopicTail topic;
    private final JsonMapper json;
    private final PublicationIntents intents;

    public CatalogEvents(IsolatedNames names, JsonMapper json, PublicationIntents intents) {
        this.topic = new TopicTail(LocalServer.KAFKA.address(), names.topic(Topics.CATALOG_ITEMS));
        this.json = json;
        this.intents = intents;
    }

    /** The item's events once there are at least {@code count} (30 s at most). */
    public List<CatalogItemChanged> await(String itemId, int count) {
        return events(topic.withKey(itemId, list -> list.size() >= count, Duration.ofSeconds(30)));
    }

    /** The item's records once there is one (30 s at most), for tests that need the record's metadata. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String itemId) {
        return topic.withKey(itemId, list -> !list.isEmpty(), Duration.ofSeconds(30));
    }

    /**
     * All the item's events, to show that nothing more arrives: call once the test's last input was processed (a
     * counter moved, a request answered). Every write records its publication intent before it happens and forgets
     * it only after Kafka acknowledged the events (the sweeper re-publishes one that stays), so once no intent is
     * left every event there will be is below the topic's end offsets, which this reads up to (30 s at most each).
     */
    public List<CatalogItemChanged> settled(String itemId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !intents.any());
        return events(topic.withKeyToEnd(itemId, Duration.ofSeconds(30)));
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
