package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.item.CatalogTopic;
import dev.bazaar.item.Items;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash window: a change stored in Mongo whose event never reached Kafka (the process died, or
 * the broker was down) is published by the sweep, with the event id it was stored with.
 */
@SpringBootTest(properties = { "bazaar.items.republish.initial-delay=PT0.5S", "bazaar.items.republish.interval=PT0.5S",
        "bazaar.items.republish.grace=PT2S" })
@UsesLocalServers({ LocalServer.KAFKA, LocalServer.MONGO })
class UnpublishedChangeSweeperIntegrationTests {

    @Autowired
    ItemStore store;

    @Autowired
    CatalogChangePublisher publisher;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Test
    void aStoredButUnacknowledgedChangeIsPublishedWithItsOriginalEventId() {
        var item = Items.kurta("supplier-s", "S-1", 7);
        var change = PendingChange.of(Change.CREATED, Instant.now().minusSeconds(60));
        // What the importer leaves behind when it dies between its bulk write and the broker's ack.
        store.insert(ItemDocument.created(item.itemId(), item.supplierId(), item.supplierSku(), 7,
                ItemContent.of(item), change));
        publisher.expectLeftovers(); // as after a restart: the first sweep looks for leftovers

        try (var catalog = new CatalogTopic(LocalServer.KAFKA.address(), names.topic(Topics.CATALOG_ITEMS), json)) {
            List<CatalogItemChanged> events = catalog.awaitEvents(item.itemId(), 1);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.eventId().toString()).isEqualTo(change.eventId());
                assertThat(event.change()).isEqualTo(Change.CREATED);
                assertThat(event.item().version()).isEqualTo(1);
                assertThat(event.item().title()).isEqualTo(item.title());
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.find(item.itemId()).orElseThrow().unpublished().isEmpty());
            assertThat(catalog.settledEvents(item.itemId())).hasSize(1);
        }
    }

    @Test
    void aRecentChangeIsLeftToItsWriterDuringTheGracePeriod() {
        var item = Items.kurta("supplier-s", "S-2", 1);
        store.insert(ItemDocument.created(item.itemId(), item.supplierId(), item.supplierSku(), 1, ItemContent.of(item),
                PendingChange.of(Change.CREATED, Instant.now())));
        publisher.expectLeftovers();

        assertThat(store.findUnpublished(Instant.now().minusSeconds(2), 10))
                .extracting(ItemDocument::id).doesNotContain(item.itemId());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> store.find(item.itemId()).orElseThrow().unpublished().isEmpty());
    }
}
