package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.item.CatalogEvents;
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
 * The crash window: Mongo and Kafka share no transaction, so a writer can die (or the broker be
 * down) after recording its publication intent. The sweep finishes what was written, with the
 * event id it was written with, and drops what never was.
 */
@SpringBootTest(
        properties = {
            "bazaar.items.republish.initial-delay=PT0.5S",
            "bazaar.items.republish.interval=PT0.5S",
            "bazaar.items.republish.grace=PT2S"
        })
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
class UnpublishedChangeSweeperIntegrationTests {

    @Autowired
    ItemStore store;

    @Autowired
    CatalogChangePublisher publisher;

    @Autowired
    PublicationIntents intents;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    UnpublishedChangeSweeper sweeper;

    static final Duration GRACE = Duration.ofSeconds(2);

    @Test
    void aWrittenButUnacknowledgedChangeIsPublishedWithItsOriginalEventId() {
        var item = Items.kurta("supplier-s", "S-1", 7);
        var change = ItemChange.of(Change.CREATED, Instant.now());
        var document = ItemDocument.created(
                item.itemId(), item.supplierId(), item.supplierSku(), 7, ItemContent.of(item), change);
        // What the importer leaves behind when it dies between its bulk write and the broker's ack.
        publisher.intend(List.of(document));
        store.insert(document);

        try (var catalog = new CatalogEvents(names, json, intents)) {
            List<CatalogItemChanged> events = catalog.await(item.itemId(), 1);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.eventId().toString()).isEqualTo(change.eventId());
                assertThat(event.change()).isEqualTo(Change.CREATED);
                assertThat(event.item().version()).isEqualTo(1);
                assertThat(event.item().title()).isEqualTo(item.title());
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> !intents.any());
            assertThat(catalog.settled(item.itemId())).hasSize(1);
        }
    }

    @Test
    void anIntentWhoseWriteNeverHappenedIsDroppedWithoutAnEvent() {
        var item = Items.kurta("supplier-s", "S-3", 1);
        // The writer died between recording its intent and the bulk write.
        publisher.intend(List.of(ItemDocument.created(
                item.itemId(),
                item.supplierId(),
                item.supplierSku(),
                1,
                ItemContent.of(item),
                ItemChange.of(Change.CREATED, Instant.now()))));

        await().atMost(Duration.ofSeconds(15)).until(() -> !intents.any());
        try (var catalog = new CatalogEvents(names, json, intents)) {
            assertThat(catalog.settled(item.itemId())).isEmpty();
        }
        assertThat(store.find(item.itemId())).isEmpty();
    }

    @Test
    void aRecentIntentIsLeftToItsWriterDuringTheGracePeriod() {
        var item = Items.kurta("supplier-s", "S-2", 1);
        var change = ItemChange.of(Change.CREATED, Instant.now());
        var document = ItemDocument.created(
                item.itemId(), item.supplierId(), item.supplierSku(), 1, ItemContent.of(item), change);
        Instant intended = Instant.now(); // no later than the intent's own time
        String intent = publisher.intend(List.of(document));
        store.insert(document);

        // A sweep inside the grace period (2 s) leaves the intent and the item to the writer.
        sweeper.sweep();
        assertThat(Instant.now()).as("this sweep ran inside the grace period").isBefore(intended.plus(GRACE));
        assertThat(intents.olderThan(Instant.now().plusSeconds(60), 10))
                .extracting(PublicationIntent::id)
                .contains(intent);

        // Once the grace period is over, a sweep publishes it: not before.
        try (var catalog = new CatalogEvents(names, json, intents)) {
            var published = catalog.awaitRecords(item.itemId());
            assertThat(published).singleElement().satisfies(record -> {
                assertThat(catalog.event(record).eventId().toString()).isEqualTo(change.eventId());
                assertThat(Instant.ofEpochMilli(record.timestamp()))
                        .as("published after the grace period")
                        .isAfterOrEqualTo(intended.plus(GRACE));
            });
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> intents.olderThan(Instant.now().plusSeconds(60), 10).stream()
                        .noneMatch(left -> left.id().equals(intent)));
    }
}
