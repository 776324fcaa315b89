package dev.bazaar.e2e;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.contracts.search.ItemSearchIndex;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaEvents;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.SupplierItems;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * search-service over the documents search-consumer really writes: catalogue and stock events, as
 * item-service and inventory-service publish them, go through Kafka to the real search-consumer jar,
 * which bootstraps the index from the contract and writes its documents; the real search-service jar
 * answers the shopper's searches from that index. search-service's own tests index hand-built
 * documents; this is where a writer and a reader that disagree (a field name, the category-prefix
 * form, {@code listed}, the completion contexts, the alias or prefix) fail.
 *
 * <p>Every search here is without a pincode, so search-service never calls serviceability (pointed at
 * a closed port) or user-service: deliverability is not what this test is about.
 */
class SearchJourneyIntegrationTests {

    static final String SUPPLIER = "e2e-search";
    static final String KITCHENWARE = "Home & Kitchen>>Kitchenware";

    /** The catalogue the filter and facet assertions are computed from; every item in stock. */
    static final List<CanonicalItem> KITCHEN = List.of(
            item(
                    "K1",
                    "Terracotta Chai Kulhad Set of 6",
                    "Mitti",
                    List.of("Home & Kitchen", "Kitchenware", "Cups"),
                    49_900,
                    Map.of("Material", "Terracotta", "Color", "Brown", "Rating", 4.4)),
            item(
                    "K2",
                    "Hand Glazed Ceramic Coffee Mug",
                    "Mitti",
                    List.of("Home & Kitchen", "Kitchenware", "Mugs"),
                    29_900,
                    Map.of("Material", "Ceramic", "Color", "Blue")),
            item(
                    "K3",
                    "Double Wall Steel Tumbler Pair",
                    "Vessel",
                    List.of("Home & Kitchen", "Kitchenware", "Cups"),
                    19_900,
                    Map.of("Material", "Steel", "Color", "Silver")),
            item(
                    "K4",
                    "Porcelain Dinner Plate",
                    "Vessel",
                    List.of("Home & Kitchen", "Kitchenware", "Plates"),
                    89_900,
                    Map.of("Material", "Ceramic", "Color", "White")),
            item(
                    "K5",
                    "Bamboo Serving Tray",
                    "Mitti",
                    List.of("Home & Kitchen", "Dining", "Trays"),
                    129_900,
                    Map.of("Material", "Bamboo")));

    static final IsolatedNames names = IsolatedNames.forTestClass(SearchJourneyIntegrationTests.class);

    static KafkaEvents kafka;
    static ServiceProcess consumer;
    static ServiceProcess search;

    @BeforeAll
    static void startServicesAndSendTheCatalogue() throws Exception {
        LocalServer.KAFKA.requireReachable();
        LocalServer.ELASTICSEARCH.requireReachable();
        String bootstrap = "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address();
        String topics = "--bazaar.kafka.topic-prefix=" + names.topicPrefix();
        String elasticsearch = "--spring.elasticsearch.uris=http://" + LocalServer.ELASTICSEARCH.address();
        String index = "--bazaar.elasticsearch.index-prefix=" + names.indexPrefix();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        consumer = ServiceProcess.start(
                "search-consumer",
                List.of(
                        bootstrap,
                        topics,
                        elasticsearch,
                        index,
                        "--spring.kafka.consumer.group-id=" + names.base() + "-search-consumer"));
        search = ServiceProcess.start(
                "search-service",
                List.of(
                        bootstrap,
                        topics,
                        elasticsearch,
                        index,
                        "--bazaar.search.serviceability.url=http://127.0.0.1:" + closed));

        kafka = KafkaEvents.open("e2e");
        for (CanonicalItem item : KITCHEN) {
            publish(changed(item));
        }
        awaitSearch(
                "the kitchen catalogue listed",
                answer -> ids(answer).size() == KITCHEN.size(),
                "category",
                "Home & Kitchen",
                "size",
                "100");
    }

    @AfterAll
    static void stopServicesAndDropTheIndex() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {search, consumer, kafka}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        // search-consumer created the index behind the isolated alias; nobody else uses it.
        new HttpTestClient("http://" + LocalServer.ELASTICSEARCH.address())
                .delete("/" + names.indexPrefix() + ItemSearchIndex.CURRENT_INDEX);
    }

    @Test
    void aMisspeltQueryFindsTheItemAndItsTitleIsSuggestedAsTyped() throws Exception {
        JsonNode answer = search("q", "terracota kulhd");
        assertThat(ids(answer)).first().isEqualTo(id("K1"));
        JsonNode kulhad = answer.get("items").get(0);
        assertThat(kulhad.get("title").stringValue()).isEqualTo("Terracotta Chai Kulhad Set of 6");
        assertThat(kulhad.get("brand").stringValue()).isEqualTo("Mitti");
        assertThat(kulhad.get("price").get("minor").longValue()).isEqualTo(49_900);
        assertThat(kulhad.get("mrp").get("minor").longValue()).isEqualTo(59_900);
        assertThat(kulhad.get("rating").doubleValue()).isEqualTo(4.4);
        assertThat(kulhad.get("image").stringValue()).isEqualTo("https://img.example/K1.jpg");
        assertThat(strings(kulhad.get("categoryPath"))).containsExactly("Home & Kitchen", "Kitchenware", "Cups");

        // The completion suggester reads the consumer's suggest field under its listed=true context.
        assertThat(strings(search("/api/search/suggest", "q", "terrac").get("suggestions")))
                .contains("Terracotta Chai Kulhad Set of 6");
    }

    @Test
    void categoryBrandAndPriceFilterTheItemsSentAndEachFacetCountsThem() throws Exception {
        long minPrice = 20_000;
        long maxPrice = 90_000;
        Predicate<CanonicalItem> inCategory =
                item -> item.categoryPath().subList(0, 2).equals(List.of("Home & Kitchen", "Kitchenware"));
        Predicate<CanonicalItem> inPrice =
                item -> item.price().minor() >= minPrice && item.price().minor() <= maxPrice;
        Predicate<CanonicalItem> ofBrand = item -> item.brand().equals("Mitti");

        JsonNode answer = search(
                "category",
                KITCHENWARE,
                "brand",
                "mitti",
                "minPrice",
                String.valueOf(minPrice),
                "maxPrice",
                String.valueOf(maxPrice),
                "sort",
                "price_asc");

        List<CanonicalItem> expected = KITCHEN.stream()
                .filter(inCategory.and(inPrice).and(ofBrand))
                .sorted((a, b) -> Long.compare(a.price().minor(), b.price().minor()))
                .toList();
        assertThat(expected).as("the fixture leaves more than one item").hasSizeGreaterThan(1);
        assertThat(ids(answer))
                .containsExactlyElementsOf(
                        expected.stream().map(CanonicalItem::itemId).toList());
        assertThat(answer.get("total").longValue()).isEqualTo(expected.size());
        assertThat(answer.get("deliverability").stringValue()).isEqualTo("NOT_CHECKED");

        JsonNode facets = answer.get("facets");
        // Each facet counts under every filter but its own.
        assertThat(buckets(facets.get("brand"), "value"))
                .isEqualTo(counts(inCategory.and(inPrice), CanonicalItem::brand));
        assertThat(buckets(facets.get("category"), "label"))
                .isEqualTo(counts(
                        inCategory.and(inPrice).and(ofBrand),
                        item -> item.categoryPath().get(2)));
        Map<String, Long> prices = new LinkedHashMap<>();
        facets.get("price").forEach(bucket -> {
            if (bucket.get("count").longValue() > 0) {
                prices.put(
                        bucket.path("from").asString("") + "-"
                                + bucket.path("to").asString(""),
                        bucket.get("count").longValue());
            }
        });
        assertThat(prices)
                .isEqualTo(counts(
                        inCategory.and(ofBrand),
                        item -> priceBucket(item.price().minor())));
        assertThat(buckets(facets.get("attributes").get("Material"), "value"))
                .isEqualTo(counts(inCategory.and(inPrice).and(ofBrand), item ->
                        (String) item.attributes().get("Material")));

        // An attribute filter (nested name/value) on the same catalogue.
        assertThat(ids(search("category", "Home & Kitchen", "attr.Material", "Ceramic", "sort", "price_asc")))
                .containsExactly(id("K2"), id("K4"));
    }

    @Test
    void outOfStockAndDeactivatedItemsLeaveTheResultsAndARestockedOneComesBack() throws Exception {
        CanonicalItem planter =
                item("G1", "Neem Wood Planter Box", "Bagh", List.of("Garden", "Planters"), 99_900, Map.of());
        CanonicalItem can = item("G2", "Copper Watering Can", "Bagh", List.of("Garden", "Tools"), 149_900, Map.of());
        CanonicalItem gloves = item("G3", "Coir Garden Gloves", "Bagh", List.of("Garden", "Tools"), 24_900, Map.of());
        for (CanonicalItem item : List.of(planter, can, gloves)) {
            publish(changed(item));
        }
        awaitSearch("the garden items listed", answer -> ids(answer).size() == 3, "category", "Garden");

        publish(stock(planter.itemId(), 0, 1));
        publish(changed(withActive(can, 2, false)));
        JsonNode answer = awaitSearch(
                "only the gloves left in the garden",
                a -> ids(a).equals(List.of(gloves.itemId())),
                "category",
                "Garden");
        assertThat(answer.get("total").longValue()).isEqualTo(1);
        assertThat(buckets(answer.get("facets").get("brand"), "value")).isEqualTo(Map.of("Bagh", 1L));
        assertThat(ids(search("q", "planter box"))).doesNotContain(planter.itemId());
        assertThat(strings(search("/api/search/suggest", "q", "neem").get("suggestions")))
                .doesNotContain(planter.title());

        publish(stock(planter.itemId(), 5, 2));
        awaitSearch("the restocked planter back", a -> ids(a).contains(planter.itemId()), "q", "planter box");
        assertThat(ids(search("category", "Garden"))).containsExactlyInAnyOrder(planter.itemId(), gloves.itemId());
    }

    @Test
    void anUpdatedItemIsFoundByItsNewContentAndNoLongerByItsOld() throws Exception {
        CanonicalItem notebook = item(
                "S1",
                "Kraft Paper Notebook A5",
                "Likho",
                List.of("Stationery", "Notebooks"),
                14_900,
                Map.of("Material", "Paper"));
        publish(changed(notebook));
        awaitSearch("the notebook listed", a -> ids(a).contains(notebook.itemId()), "q", "notebook");

        CanonicalItem journal = SupplierItems.from(notebook)
                .version(2)
                .title("Recycled Kraft Journal A5")
                .brand("Likho")
                .categoryPath(List.of("Stationery", "Journals"))
                .price(17_900)
                .mrp(19_900)
                .description("A journal of recycled kraft paper")
                .build();
        publish(changed(journal));
        JsonNode answer = awaitSearch(
                "the journal under its new title",
                a -> ids(a).contains(notebook.itemId()),
                "q",
                "jurnal",
                "category",
                "Stationery");
        assertThat(answer.get("items").get(0).get("title").stringValue()).isEqualTo("Recycled Kraft Journal A5");
        assertThat(answer.get("items").get(0).get("price").get("minor").longValue())
                .isEqualTo(17_900);
        // The same document, rewritten: the old title and category find nothing.
        assertThat(ids(search("q", "notebook", "category", "Stationery"))).isEmpty();
        assertThat(ids(search("category", "Stationery>>Notebooks"))).isEmpty();
        assertThat(buckets(search("category", "Stationery").get("facets").get("category"), "label"))
                .isEqualTo(Map.of("Journals", 1L));
    }

    private static CanonicalItem item(
            String sku,
            String title,
            String brand,
            List<String> categoryPath,
            long priceMinor,
            Map<String, Object> attributes) {
        return SupplierItems.item(SUPPLIER, sku)
                .title(title)
                .brand(brand)
                .categoryPath(categoryPath)
                .price(priceMinor)
                .mrp(priceMinor + 10_000)
                .images(List.of("https://img.example/" + sku + ".jpg"))
                .description(title + ", made by " + brand)
                .attributes(attributes)
                .build();
    }

    private static CanonicalItem withActive(CanonicalItem item, long version, boolean active) {
        return SupplierItems.from(item).version(version).active(active).build();
    }

    private static String id(String sku) {
        return ItemIds.of(SUPPLIER, sku);
    }

    private static CatalogItemChanged changed(CanonicalItem item) {
        Change change = !item.active() ? Change.DEACTIVATED : item.version() == 1 ? Change.CREATED : Change.UPDATED;
        return new CatalogItemChanged(UUID.randomUUID(), Instant.now(), change, item);
    }

    private static StockChanged stock(String itemId, long available, long version) {
        return new StockChanged(UUID.randomUUID(), Instant.now(), itemId, "WH-BLR-1", available, available, version);
    }

    /** As the platform's publishers send it: the event as JSON, keyed by item, CloudEvents headers. */
    private static void publish(IntegrationEvent event) {
        kafka.publish(names.topicPrefix(), event);
    }

    /**
     * Searches until the answer satisfies {@code until}: documents become searchable when the consumer
     * has written them and the index has refreshed. The deadline only detects that they never do.
     */
    private static JsonNode awaitSearch(String what, Predicate<JsonNode> until, String... params) {
        return await(what)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> search(params), until::test);
    }

    private static JsonNode search(String... params) throws Exception {
        return params.length % 2 == 1
                ? get(params[0], List.of(params).subList(1, params.length))
                : get("/api/search", List.of(params));
    }

    private static JsonNode get(String path, List<String> params) throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < params.size(); i += 2) {
            query.append(query.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode(params.get(i), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(params.get(i + 1), StandardCharsets.UTF_8));
        }
        var response = new HttpTestClient(search.baseUrl()).get(path + query);
        assertThat(response.status()).as(path + query + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode answer) {
        return StreamSupport.stream(answer.get("items").spliterator(), false)
                .map(item -> item.get("itemId").stringValue())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::stringValue)
                .toList();
    }

    /** A facet's buckets as name → count, named by {@code field} of each bucket. */
    private static Map<String, Long> buckets(JsonNode facet, String field) {
        return StreamSupport.stream(facet.spliterator(), false)
                .collect(Collectors.toMap(
                        bucket -> bucket.get(field).stringValue(),
                        bucket -> bucket.get("count").longValue()));
    }

    private static Map<String, Long> counts(Predicate<CanonicalItem> filter, Function<CanonicalItem, String> key) {
        return KITCHEN.stream().filter(filter).collect(groupingBy(key, counting()));
    }

    /** The bucket of search-service's default price facet edges (bazaar.search.price-boundaries), as "from-to". */
    private static String priceBucket(long minor) {
        String from = "";
        for (long edge : List.of(50_000L, 100_000L, 250_000L, 500_000L)) {
            if (minor < edge) {
                return from + "-" + edge;
            }
            from = String.valueOf(edge);
        }
        return from + "-";
    }
}
