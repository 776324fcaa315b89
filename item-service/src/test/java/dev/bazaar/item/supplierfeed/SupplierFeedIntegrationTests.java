package dev.bazaar.item.supplierfeed;

import static dev.bazaar.item.Items.inactive;
import static dev.bazaar.item.Items.kurta;
import static dev.bazaar.item.Items.received;
import static dev.bazaar.item.Items.withTitle;
import static dev.bazaar.item.Items.withVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.item.CatalogEvents;
import dev.bazaar.item.catalog.ItemDocument;
import dev.bazaar.item.catalog.ItemStore;
import dev.bazaar.item.catalog.PublicationIntents;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.SupplierItems;
import dev.bazaar.testing.TopicTail;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** supplier.items.v1 → Mongo → catalog.items.v1, against the real local Kafka and Mongo. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierFeedIntegrationTests {

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    KafkaTemplate<String, byte[]> rawKafka;

    @Autowired
    ItemStore store;

    @Autowired
    PublicationIntents intents;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IsolatedNames names;

    @Autowired
    SupplierItemImport importer;

    @Autowired
    JsonMapper json;

    CatalogEvents catalog;

    @BeforeAll
    void listenToTheCatalogue() {
        catalog = new CatalogEvents(names, json, intents);
    }

    @AfterAll
    void close() {
        catalog.close();
    }

    @Test
    void aNewItemIsStoredAndAnnouncedWithItsFullSnapshot() throws Exception {
        CanonicalItem item = kurta("supplier-a", "K-1", 1);

        send(received(item));

        ItemDocument stored = awaitStored(item.itemId(), 1);
        assertThat(stored.title()).isEqualTo(item.title());
        assertThat(stored.attributes()).containsEntry("fabric", "cotton");
        assertThat(stored.categoryPrefixes())
                .containsExactly("Clothing", "Clothing>>Women's Clothing", "Clothing>>Women's Clothing>>Kurtas");
        var records = catalog.awaitRecords(item.itemId());
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        CatalogItemChanged event = catalog.event(record);
        assertThat(record.key()).isEqualTo(item.itemId());
        assertThat(KafkaRecords.header(record, "ce_id"))
                .isEqualTo(event.eventId().toString());
        assertThat(KafkaRecords.header(record, "ce_type")).isEqualTo("dev.bazaar.CatalogItemChanged");
        assertThat(KafkaRecords.header(record, "ce_source")).isEqualTo("/bazaar/item-service");
        assertThat(KafkaRecords.header(record, "ce_time"))
                .isEqualTo(event.occurredAt().toString());
        assertThat(event.change()).isEqualTo(Change.CREATED);
        assertThat(event.item()).isEqualTo(withVersion(item, 1));
        // Built around the item's JSON as received, and still exactly what Jackson writes for the event.
        assertThat(record.value()).isEqualTo(json.writeValueAsBytes(event));
        assertThat(stored.lastChange().eventId()).isEqualTo(event.eventId().toString());
        await().until(() -> !intents.any()); // acknowledged, so nothing is left for the sweeper
    }

    @Test
    void aNewItemThatNeededDefaultsIsAnnouncedAsStoredNotAsReceived() throws Exception {
        CanonicalItem bare = new CanonicalItem(
                ItemIds.of("supplier-a", "K-bare"),
                "supplier-a",
                "K-bare",
                1,
                "Plain mug",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true);

        send(received(bare));

        ItemDocument stored = awaitStored(bare.itemId(), 1);
        CatalogItemChanged event =
                catalog.event(catalog.awaitRecords(bare.itemId()).get(0));
        assertThat(event.item()).isEqualTo(stored.toCanonical()).isNotEqualTo(bare);
        assertThat(event.item().images()).isEmpty();
        assertThat(event.item().attributes()).isEmpty();
    }

    @Test
    void aNewerVersionUpdatesAndALateOlderOneChangesNothing() throws Exception {
        CanonicalItem v1 = kurta("supplier-a", "K-2", 1);
        send(received(v1));
        catalog.await(v1.itemId(), 1);

        send(received(withTitle(v1, 3, "Kurta, new title")));
        List<CatalogItemChanged> events = catalog.await(v1.itemId(), 2);
        assertThat(events.get(1).change()).isEqualTo(Change.UPDATED);
        assertThat(events.get(1).item().title()).isEqualTo("Kurta, new title");
        assertThat(events.get(1).item().version()).isEqualTo(2);
        assertThat(awaitStored(v1.itemId(), 2).title()).isEqualTo("Kurta, new title");

        double staleBefore = count("stale");
        send(received(withTitle(v1, 2, "Kurta, outdated title")));
        await().until(() -> count("stale") > staleBefore);

        ItemDocument stored = store.find(v1.itemId()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Kurta, new title");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(catalog.settled(v1.itemId())).hasSize(2);
    }

    @Test
    void theSameEventTwiceChangesNothingTheSecondTime() throws Exception {
        SupplierItemReceived event = received(kurta("supplier-a", "K-3", 1));
        send(event);
        catalog.await(event.item().itemId(), 1);
        ItemDocument before = awaitStored(event.item().itemId(), 1);

        double staleBefore = count("stale");
        send(event);
        await().until(() -> count("stale") > staleBefore);

        assertThat(store.find(event.item().itemId()).orElseThrow()).isEqualTo(before);
        assertThat(catalog.settled(event.item().itemId())).hasSize(1);
        // The replayed first version was refused by the insert: its intent is forgotten, nothing left to re-publish.
        await().until(() -> !intents.any());
    }

    @Test
    void aFirstVersionOfAnItemStoredAtANewerOneChangesNothing() throws Exception {
        CanonicalItem v1 = kurta("supplier-a", "K-3b", 1);
        send(received(v1));
        catalog.await(v1.itemId(), 1);
        send(received(withTitle(v1, 2, "Kurta, version 2")));
        catalog.await(v1.itemId(), 2);
        ItemDocument before = awaitStored(v1.itemId(), 2);

        double staleBefore = count("stale");
        send(received(withTitle(v1, 1, "Kurta, a first version sent again with other content")));
        await().until(() -> count("stale") > staleBefore);

        assertThat(store.find(v1.itemId()).orElseThrow()).isEqualTo(before);
        assertThat(catalog.settled(v1.itemId())).hasSize(2);
        await().until(() -> !intents.any());
    }

    @Test
    void unchangedContentWithAHigherVersionEmitsNothingAndBumpsNothingVisible() throws Exception {
        CanonicalItem v1 = kurta("supplier-a", "K-4", 1);
        send(received(v1));
        catalog.await(v1.itemId(), 1);
        ItemDocument before = awaitStored(v1.itemId(), 1);

        double unchangedBefore = count("unchanged");
        send(received(withVersion(v1, 5)));
        await().until(() -> count("unchanged") > unchangedBefore);

        ItemDocument after = store.find(v1.itemId()).orElseThrow();
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(catalog.settled(v1.itemId())).hasSize(1);

        // The newer version is remembered: version 4, older than 5 and different, is now stale.
        double staleBefore = count("stale");
        send(received(withTitle(v1, 4, "Kurta, version 4")));
        await().until(() -> count("stale") > staleBefore);
        assertThat(store.find(v1.itemId()).orElseThrow().title()).isEqualTo(v1.title());
    }

    /**
     * No hash is stored: a re-sent item is compared with the item as read back from Mongo, so every
     * kind of attribute value must come back as the same content (numbers of each size, decimals,
     * booleans, lists, nested maps, non-Latin text).
     */
    @Test
    void anItemWithEveryKindOfAttributeIsUnchangedWhenSentAgain() throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("pockets", 2);
        attributes.put("weight_mg", 3_000_000_000L);
        attributes.put("rating", 4.5);
        attributes.put("washable", true);
        attributes.put("sizes", List.of("S", "M", "XL"));
        attributes.put("care", Map.of("wash", "cold", "temperature", 30, "steps", List.of(1, 2.5, "dry")));
        attributes.put("कपड़ा", "रेशम “silk”");
        CanonicalItem kurta = kurta("supplier-a", "K-4b", 1);
        CanonicalItem v1 = SupplierItems.from(kurta).attributes(attributes).build();
        send(received(v1));
        catalog.await(v1.itemId(), 1);
        awaitStored(v1.itemId(), 1);

        double unchangedBefore = count("unchanged");
        send(received(withVersion(v1, 2)));
        await().until(() -> count("unchanged") > unchangedBefore);

        assertThat(store.find(v1.itemId()).orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.settled(v1.itemId())).hasSize(1);
    }

    @Test
    void deactivationIsAnnouncedAsDeactivated() throws Exception {
        CanonicalItem v1 = kurta("supplier-a", "K-5", 1);
        send(received(v1));
        catalog.await(v1.itemId(), 1);

        send(received(inactive(v1, 2)));

        List<CatalogItemChanged> events = catalog.await(v1.itemId(), 2);
        assertThat(events.get(1).change()).isEqualTo(Change.DEACTIVATED);
        assertThat(events.get(1).item().active()).isFalse();
        assertThat(awaitStored(v1.itemId(), 2).active()).isFalse();
    }

    @Test
    void manyItemsInOneBatchAreAllStoredAndAnnounced() throws Exception {
        List<CanonicalItem> items = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> kurta("supplier-bulk", "B-" + i, 1))
                .toList();
        double acknowledgedBefore =
                meters.counter("bazaar.items.events.acknowledged").count();
        var sends =
                items.stream().map(item -> publisher.publish(received(item))).toList();
        for (var sent : sends) {
            sent.get(10, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> store.count(org.springframework.data.mongodb.core.query.Criteria.where("supplierId")
                                .is("supplier-bulk"))
                        == 300);
        CanonicalItem last = items.get(items.size() - 1);
        assertThat(catalog.await(last.itemId(), 1))
                .extracting(CatalogItemChanged::change)
                .containsExactly(Change.CREATED);
        // Sent in bulk (no timer per record), so the acknowledgements are counted instead.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(meters.counter("bazaar.items.events.acknowledged")
                                .count())
                        .isGreaterThanOrEqualTo(acknowledgedBefore + 300));
    }

    @Test
    void aBatchOfChangedUnchangedAndNewItemsAppliesEachAsItShould() throws Exception {
        List<CanonicalItem> first = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> kurta("supplier-mixed", "M-" + i, 1))
                .toList();
        importer.apply(first.stream().map(this::asReceived).toList());

        List<CanonicalItem> changed = first.subList(0, 10).stream()
                .map(item -> withTitle(item, 2, "Kurta, new colour"))
                .toList();
        List<CanonicalItem> unchanged =
                first.subList(10, 15).stream().map(item -> withVersion(item, 2)).toList();
        List<CanonicalItem> fresh = java.util.stream.IntStream.range(20, 30)
                .mapToObj(i -> kurta("supplier-mixed", "M-" + i, 1))
                .toList();
        double unchangedBefore = count("unchanged");
        importer.apply(java.util.stream.Stream.of(changed, unchanged, fresh)
                .flatMap(List::stream)
                .map(this::asReceived)
                .toList());

        for (CanonicalItem item : changed) {
            assertThat(awaitStored(item.itemId(), 2).title()).isEqualTo("Kurta, new colour");
            assertThat(catalog.await(item.itemId(), 2))
                    .extracting(CatalogItemChanged::change)
                    .containsExactly(Change.CREATED, Change.UPDATED);
        }
        for (CanonicalItem item : unchanged) {
            assertThat(store.find(item.itemId()).orElseThrow()).satisfies(stored -> {
                assertThat(stored.version()).isEqualTo(1);
                assertThat(stored.supplierVersion()).isEqualTo(2);
            });
        }
        assertThat(count("unchanged")).isEqualTo(unchangedBefore + 5);
        for (CanonicalItem item : fresh) {
            assertThat(awaitStored(item.itemId(), 1).supplierId()).isEqualTo("supplier-mixed");
        }
        assertThat(store.count(org.springframework.data.mongodb.core.query.Criteria.where("supplierId")
                        .is("supplier-mixed")))
                .isEqualTo(30);
    }

    @Test
    void poisonRecordsAreParkedInTheDeadLetterTopicAndTheFeedGoesOn() throws Exception {
        String topic = names.topic(Topics.SUPPLIER_ITEMS);
        rawKafka.send(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS);
        CanonicalItem wrongId = new CanonicalItem(
                UUID.randomUUID().toString(),
                "supplier-a",
                "K-6",
                1,
                "Kurta",
                null,
                List.of("Clothing"),
                null,
                null,
                null,
                null,
                null,
                null,
                true);
        rawKafka.send(topic, "wrong-id", json.writeValueAsBytes(received(wrongId)))
                .get(10, TimeUnit.SECONDS);
        CanonicalItem healthy = kurta("supplier-a", "K-7", 1);
        send(received(healthy));

        awaitStored(healthy.itemId(), 1);
        var parked = new TopicTail(LocalServer.KAFKA.address(), Topics.deadLetterOf(topic));
        try (parked) {
            assertThat(parked.withKey("poison", list -> !list.isEmpty(), Duration.ofSeconds(30)))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                                .isEqualTo("{not json");
                        assertThat(KafkaRecords.header(record, "kafka_dlt-exception-fqcn"))
                                .isNotBlank();
                    });
            assertThat(parked.withKey("wrong-id", list -> !list.isEmpty(), Duration.ofSeconds(30)))
                    .singleElement()
                    .satisfies(record -> assertThat(KafkaRecords.header(record, "kafka_dlt-exception-message"))
                            .contains("is not ItemIds.of"));
        }
        assertThat(store.find(ItemIds.of("supplier-a", "K-6"))).isEmpty();
    }

    private ReceivedItem asReceived(CanonicalItem item) {
        return new ReceivedItem(item, json.writeValueAsBytes(item));
    }

    private void send(SupplierItemReceived event) throws Exception {
        publisher.publish(event).get(10, TimeUnit.SECONDS);
    }

    private ItemDocument awaitStored(String itemId, long version) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> store.find(itemId)
                                .filter(item -> item.version() == version && !intents.any())
                                .orElse(null),
                        item -> item != null);
    }

    private double count(String outcome) {
        var counter =
                meters.find("bazaar.items.upserts").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
