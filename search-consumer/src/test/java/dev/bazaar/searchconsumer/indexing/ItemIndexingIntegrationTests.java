package dev.bazaar.searchconsumer.indexing;

import static dev.bazaar.searchconsumer.TestEvents.changed;
import static dev.bazaar.searchconsumer.TestEvents.kurta;
import static dev.bazaar.searchconsumer.TestEvents.stock;
import static dev.bazaar.searchconsumer.TestEvents.withActive;
import static dev.bazaar.searchconsumer.TestEvents.withBrand;
import static dev.bazaar.searchconsumer.TestEvents.withTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.searchconsumer.FlipkartSample;
import dev.bazaar.searchconsumer.SearchIndex;
import dev.bazaar.searchconsumer.index.ItemIndexNames;
import dev.bazaar.searchconsumer.indexing.SearchItem.ItemAttribute;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.FlipkartSampleFile;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** catalog.items.v1 + inventory.stock.v1 → the items alias, against the real local Kafka and Elasticsearch. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.ELASTICSEARCH})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemIndexingIntegrationTests {

    /**
     * How long a condition may take to come true: only there to turn a hang into a failure (a loaded
     * two-core box takes seconds for what takes milliseconds alone), never a measure of speed.
     */
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    KafkaTemplate<String, byte[]> rawKafka;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ItemIndexNames indexNames;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    SearchIndex index;

    @BeforeAll
    void index() {
        index = new SearchIndex(client, indexNames);
    }

    @AfterAll
    void dropIndex() {
        index.drop();
    }

    @Test
    void aCatalogueEventBecomesASearchableDocumentThroughTheAlias() throws Exception {
        // A title of its own: other tests index many "Cotton kurta" items into the same index.
        CanonicalItem item = withTitle(kurta("supplier-search", "K-1", 1), 1, "Zardozi kurta K-1");

        send(changed(item));

        SearchItem doc = awaitDocument(item.itemId(), d -> d.catalogVersionOrZero() == 1);
        assertThat(doc.title()).isEqualTo("Zardozi kurta K-1");
        assertThat(doc.brand()).isEqualTo("Fabindia");
        assertThat(doc.supplierId()).isEqualTo("supplier-search");
        assertThat(doc.categoryPath()).containsExactly("Clothing", "Women's Clothing", "Kurtas");
        assertThat(doc.categoryPrefixes())
                .containsExactly("Clothing", "Clothing>>Women's Clothing", "Clothing>>Women's Clothing>>Kurtas");
        assertThat(doc.priceMinor()).isEqualTo(79_900);
        assertThat(doc.rating()).isEqualTo(4.2);
        assertThat(doc.attributes())
                .containsExactly(new ItemAttribute("fabric", "cotton"), new ItemAttribute("sleeve", "3/4"));
        assertThat(doc.listed()).isTrue();
        assertThat(doc.inStock()).isTrue();
        assertThat(doc.stockVersion()).isZero();
        assertThat(doc.createdAt()).isNotNull();
        assertThat(doc.suggest().contexts()).isEqualTo(Map.of("listed", List.of("true")));

        index.refresh();
        // Nested attribute filter + category subtree + listed, as search-service queries it.
        Query attribute = Query.of(q -> q.nested(n -> n.path("attributes")
                .query(nq -> nq.bool(nb -> nb.filter(
                                a -> a.term(t -> t.field("attributes.name").value("fabric")))
                        .filter(a -> a.term(t -> t.field("attributes.value").value("cotton")))))));
        var hits = client.search(
                        s -> s.index(indexNames.alias())
                                .query(q -> q.bool(b -> b.must(m ->
                                                m.match(mm -> mm.field("title").query("kurta")))
                                        .filter(f ->
                                                f.term(t -> t.field("listed").value(true)))
                                        .filter(f -> f.term(
                                                t -> t.field("supplierId").value("supplier-search")))
                                        .filter(f -> f.term(
                                                t -> t.field("categoryPrefixes").value("Clothing>>Women's Clothing")))
                                        .filter(attribute))),
                        SearchItem.class)
                .hits()
                .hits();
        assertThat(hits).extracting(h -> h.id()).containsExactly(item.itemId());

        var suggestions = client.search(
                        s -> s.index(indexNames.alias())
                                .suggest(sg -> sg.suggesters(
                                        "items",
                                        fs -> fs.prefix("zardozi ku")
                                                .completion(c -> c.field("suggest")
                                                        .contexts(
                                                                "listed",
                                                                List.of(CompletionContext.of(ctx ->
                                                                        ctx.context(cv -> cv.category("true")))))))),
                        SearchItem.class)
                .suggest()
                .get("items")
                .get(0)
                .completion()
                .options();
        assertThat(suggestions).extracting(CompletionSuggestOption::id).contains(item.itemId());
    }

    @Test
    void aNewerVersionReplacesTheDocumentAndOlderOrReplayedEventsChangeNothing() throws Exception {
        CanonicalItem v1 = kurta("supplier-a", "K-2", 1);
        send(changed(v1));
        awaitDocument(v1.itemId(), d -> d.catalogVersionOrZero() == 1);

        CatalogItemChanged v3 = changed(withTitle(v1, 3, "Kurta, new title"));
        send(v3);
        assertThat(awaitDocument(v1.itemId(), d -> d.catalogVersionOrZero() == 3)
                        .title())
                .isEqualTo("Kurta, new title");
        long seqNo = index.seqNo(v1.itemId());

        double staleBefore = stale("catalog");
        send(changed(withTitle(v1, 2, "Kurta, outdated title")));
        await().atMost(WAIT).until(() -> stale("catalog") > staleBefore);
        send(v3);
        await().atMost(WAIT).until(() -> stale("catalog") > staleBefore + 1);

        assertThat(index.find(v1.itemId()).orElseThrow().title()).isEqualTo("Kurta, new title");
        assertThat(index.seqNo(v1.itemId())).as("nothing was written").isEqualTo(seqNo);
    }

    @Test
    void outOfStockLeavesTheListingAtTheNextRefreshAndRestockBringsItBack() throws Exception {
        CanonicalItem item = kurta("supplier-a", "K-3", 1);
        send(changed(item));
        awaitDocument(item.itemId(), d -> Boolean.TRUE.equals(d.listed()));

        await().atMost(WAIT).until(() -> index.listedInSearch(item.itemId()));

        long start = System.nanoTime();
        send(stock(item.itemId(), 0, 1));
        awaitDocument(item.itemId(), d -> Boolean.FALSE.equals(d.listed()));
        // What a shopper sees: searches show the change at the index's periodic refresh; the test forces
        // none, so the item leaving the searches is that refresh's doing. How soon that is ("within
        // 5 s" of the event) rests on the interval of the live index, not on how fast a busy machine was:
        // the deadline below only detects a refresh that never comes.
        assertThat(index.refreshInterval()).isEqualTo("1s");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !index.listedInSearch(item.itemId()));
        System.out.println("out of stock -> gone from search after "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");

        send(stock(item.itemId(), 12, 3));
        SearchItem restocked = awaitDocument(item.itemId(), d -> d.stockVersionOrZero() == 3);
        assertThat(restocked.listed()).isTrue();
        assertThat(restocked.inStock()).isTrue();

        double staleBefore = stale("stock");
        send(stock(item.itemId(), 0, 2));
        await().atMost(WAIT).until(() -> stale("stock") > staleBefore);
        SearchItem after = index.find(item.itemId()).orElseThrow();
        assertThat(after.listed()).isTrue();
        assertThat(after.stockVersion()).isEqualTo(3);
    }

    @Test
    void stockBeforeTheCatalogueMakesAStubThatTheCatalogueCompletes() throws Exception {
        CanonicalItem item = kurta("supplier-a", "K-4", 1);
        send(stock(item.itemId(), 7, 2));
        SearchItem stub = awaitDocument(item.itemId(), d -> d.stockVersionOrZero() == 2);
        assertThat(stub.catalogVersion()).isZero();
        assertThat(stub.listed()).isFalse();
        assertThat(stub.title()).isNull();

        send(changed(item));
        SearchItem complete = awaitDocument(item.itemId(), d -> d.catalogVersionOrZero() == 1);
        assertThat(complete.listed()).isTrue();
        assertThat(complete.stockVersion()).isEqualTo(2);
        assertThat(complete.title()).isEqualTo(item.title());
    }

    @Test
    void deactivationUnlistsAndReactivationListsAgain() throws Exception {
        CanonicalItem item = kurta("supplier-a", "K-5", 1);
        send(changed(item));
        awaitDocument(item.itemId(), d -> Boolean.TRUE.equals(d.listed()));

        send(changed(withActive(item, 2, false)));
        SearchItem off = awaitDocument(item.itemId(), d -> d.catalogVersionOrZero() == 2);
        assertThat(off.listed()).isFalse();
        assertThat(off.active()).isFalse();
        assertThat(off.suggest().contexts()).isEqualTo(Map.of("listed", List.of("false")));

        send(changed(withActive(item, 3, true)));
        assertThat(awaitDocument(item.itemId(), d -> d.catalogVersionOrZero() == 3)
                        .listed())
                .isTrue();
    }

    @Test
    void twoThousandEventsAreAllIndexed() throws Exception {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        IntStream.range(0, 2_000)
                .forEach(i -> sends.add(publisher.publish(changed(kurta("supplier-bulk", "B-" + i, 1)))));
        // Stock for a quarter of them in parallel: the two listeners race on the same documents.
        IntStream.range(0, 500)
                .forEach(i -> sends.add(publisher.publish(
                        stock(kurta("supplier-bulk", "B-" + (i * 4), 1).itemId(), 0, 1))));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long start = System.nanoTime();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> index.countBySupplier("supplier-bulk") == 2_000);
        System.out.println("2,000 catalogue + 500 stock events indexed "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms after the last send");
        await().atMost(WAIT)
                .until(() -> index.find(kurta("supplier-bulk", "B-1996", 1).itemId())
                        .map(d -> d.stockVersionOrZero() == 1 && d.catalogVersionOrZero() == 1 && !d.listed())
                        .orElse(false));
        index.refresh();
        long listed = client.count(c -> c.index(indexNames.alias())
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("supplierId").value("supplier-bulk")))
                                .filter(f -> f.term(t -> t.field("listed").value(FieldValue.of(true)))))))
                .count();
        assertThat(listed).isEqualTo(1_500);
    }

    @Test
    void theRealFlipkartSampleIsIndexedWithoutRejections() throws Exception {
        var csv = FlipkartSampleFile.locate();
        assumeTrue(csv.isPresent(), "Flipkart sample not found: set BAZAAR_DATA_DIR or put it in ../shared/data");
        List<CanonicalItem> items = FlipkartSample.items(csv.get());
        assertThat(items).hasSizeGreaterThan(900);
        double rejectedBefore = documents("rejected");
        List<CompletableFuture<?>> sends = new ArrayList<>();
        items.forEach(item -> sends.add(publisher.publish(changed(item))));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long distinct = items.stream().map(CanonicalItem::itemId).distinct().count();
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> index.countBySupplier("flipkart") == distinct);
        assertThat(documents("rejected")).isEqualTo(rejectedBefore);

        index.refresh();
        // Typo-tolerant title match and a category subtree on real data.
        long cyclingShorts = client.count(c -> c.index(indexNames.alias())
                        .query(q -> q.bool(b -> b.must(m -> m.match(mm ->
                                        mm.field("title").query("cycling shrts").fuzziness("AUTO")))
                                .filter(f ->
                                        f.term(t -> t.field("categoryPrefixes").value("Clothing>>Women's Clothing"))))))
                .count();
        assertThat(cyclingShorts).isPositive();
        long rated = client.count(c -> c.index(indexNames.alias())
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("supplierId").value("flipkart")))
                                .filter(f -> f.exists(e -> e.field("rating"))))))
                .count();
        assertThat(rated).isPositive().isLessThan(distinct);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRestOfTheBatchIsIndexed() throws Exception {
        String topic = names.topic(Topics.CATALOG_ITEMS);
        CanonicalItem malformed = withBrand(kurta("supplier-p", "P-1", 1), "b".repeat(40_000));
        List<CanonicalItem> healthy = IntStream.range(2, 7)
                .mapToObj(i -> kurta("supplier-p", "P-" + i, 1))
                .toList();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        sends.add(publisher.publish(changed(healthy.get(0))));
        sends.add(rawKafka.send(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8)));
        sends.add(publisher.publish(changed(healthy.get(1))));
        sends.add(publisher.publish(changed(malformed)));
        healthy.subList(2, healthy.size()).forEach(item -> sends.add(publisher.publish(changed(item))));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (CanonicalItem item : healthy) {
            awaitDocument(item.itemId(), d -> d.catalogVersionOrZero() == 1);
        }
        List<ConsumerRecord<String, byte[]>> parked = KafkaRecords.read(
                LocalServer.KAFKA.address(),
                Topics.deadLetterOf(topic),
                records -> records.size() >= 2,
                Duration.ofSeconds(30));
        assertThat(parked).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", malformed.itemId());
        ConsumerRecord<String, byte[]> unreadable = parked.stream()
                .filter(r -> r.key().equals("poison"))
                .findFirst()
                .orElseThrow();
        assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        ConsumerRecord<String, byte[]> rejected = parked.stream()
                .filter(r -> r.key().equals(malformed.itemId()))
                .findFirst()
                .orElseThrow();
        assertThat(header(rejected, "kafka_dlt-exception-message")).contains("document_parsing_exception");
        assertThat(index.find(malformed.itemId())).isEmpty();
    }

    private void send(IntegrationEvent event) throws Exception {
        publisher.publish(event).get(10, TimeUnit.SECONDS);
    }

    private SearchItem awaitDocument(String itemId, java.util.function.Predicate<SearchItem> condition) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> index.find(itemId).filter(condition).orElse(null), doc -> doc != null);
    }

    private double documents(String outcome) {
        var counter = meters.find("bazaar.search.consumer.documents")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double stale(String source) {
        var counter = meters.find("bazaar.search.consumer.events")
                .tag("source", source)
                .tag("outcome", "stale")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
