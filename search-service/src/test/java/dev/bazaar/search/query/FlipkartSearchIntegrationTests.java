package dev.bazaar.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.contracts.Topics;
import dev.bazaar.search.support.FlipkartSample;
import dev.bazaar.search.support.ItemDoc;
import dev.bazaar.search.support.SearchApi;
import dev.bazaar.search.support.SearchIndexFixture;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Search over the real Flipkart sample (about 1,000 products) plus two Samsung phones the sample
 * lacks, on the real Elasticsearch with the contract mapping. Every expected count is computed
 * here from the same fixture list that was indexed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.ELASTICSEARCH, LocalServer.KAFKA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlipkartSearchIntegrationTests {

    static final String WOMENS = "Clothing>>Women's Clothing";

    @Autowired
    MockMvc mvc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IsolatedNames names;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    SearchApi api;
    List<ItemDoc> docs;
    List<ItemDoc> listed;

    @BeforeAll
    void indexTheSample() throws Exception {
        assumeTrue(
                FlipkartSample.available(),
                "Flipkart sample not found in $BAZAAR_DATA_DIR or ../shared/data:"
                        + " skipping the real-data search tests");
        api = new SearchApi(mvc);
        docs = new ArrayList<>(FlipkartSample.read());
        docs.add(ItemDoc.item("00000000-0000-4000-8000-000000000001")
                .title("Samsung Galaxy M31 Smartphone (Ocean Blue, 128 GB)")
                .brand("Samsung")
                .category(List.of("Mobiles & Accessories", "Mobiles"))
                .price(1_599_900, 1_999_900)
                .rating(4.3)
                .sizeClass("SMALL"));
        docs.add(ItemDoc.item("00000000-0000-4000-8000-000000000002")
                .title("Samsung 80 cm HD Ready LED Smart TV")
                .brand("Samsung")
                .category(List.of("Electronics", "Televisions"))
                .price(1_399_000, 2_190_000)
                .sizeClass("BULKY"));
        listed = docs.stream().filter(ItemDoc::listed).toList();
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(elasticsearch, names.indexPrefix(), docs);
    }

    @AfterAll
    void dropIndex() {
        if (docs != null) {
            SearchIndexFixture.drop(elasticsearch, names.indexPrefix());
        }
    }

    @Test
    void misspeltQueriesFindTheIntendedProducts() {
        assertThat(api.search("q", "samsng").titles()).first().asString().startsWith("Samsung");
        assertThat(api.search("q", "samsng galaxy").titles().get(0)).startsWith("Samsung Galaxy");
        // Brands of the real sample, each with one typo.
        assertThat(brandsOf(api.search("q", "karatkraft", "size", "10"))).containsOnly("Karatcraft");
        assertThat(brandsOf(api.search("q", "alisah", "size", "5"))).contains("Alisha");
        assertThat(brandsOf(api.search("q", "bluestne", "size", "5"))).containsOnly("BlueStone");
        // A misspelt word of the titles.
        assertThat(api.search("q", "necktei", "size", "10").titles())
                .hasSize(10)
                .allSatisfy(title -> assertThat(title.toLowerCase(Locale.ROOT)).contains("necktie"));
    }

    @Test
    void partialQueriesFindProductsAsYouType() {
        assertThat(api.search("q", "sams").titles())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith("Samsung"));
        List<String> kurtas = api.search("q", "kurt", "size", "50").titles();
        Pattern startsKurt = Pattern.compile("\\bkurt");
        long expected = listed.stream()
                .filter(d ->
                        startsKurt.matcher(d.title.toLowerCase(Locale.ROOT)).find())
                .count();
        assertThat(expected).isPositive().isLessThan(50);
        assertThat(kurtas)
                .hasSize((int) expected)
                .allSatisfy(t -> assertThat(
                                startsKurt.matcher(t.toLowerCase(Locale.ROOT)).find())
                        .as(t)
                        .isTrue());
        assertThat(kurtas.get(0).toLowerCase(Locale.ROOT)).contains("kurt");
        assertThat(api.search("q", "women's straight kurt").titles().get(0)).containsIgnoringCase("Straight Kurta");
    }

    @Test
    void unlistedItemsNeverShow() {
        ItemDoc outOfStock = docs.stream().filter(d -> !d.listed()).findFirst().orElseThrow();
        assertThat(api.search("q", outOfStock.title, "size", "100").itemIds()).doesNotContain(outOfStock.itemId);
        assertThat(api.search().total()).isEqualTo(listed.size());
    }

    @Test
    void categorySubtreeFilterAndChildFacet() {
        var answer = api.search("category", "Clothing >> Women's Clothing", "size", "5");
        List<ItemDoc> inCategory = inCategory(WOMENS);
        assertThat(answer.total()).isEqualTo(inCategory.size());
        assertThat(facet(answer.body(), "category")).isEqualTo(childCounts(inCategory, WOMENS));
        // No category: the top level.
        assertThat(facet(api.search().body(), "category")).isEqualTo(top(childCounts(listed, null), 20));
    }

    @Test
    void brandFilterKeepsItsOwnFacetWhileOtherFacetsFollowIt() {
        List<ItemDoc> inCategory = inCategory(WOMENS);
        String brand = topBrand(inCategory);
        var answer = api.search("category", WOMENS, "brand", brand.toLowerCase(Locale.ROOT), "size", "100");
        List<ItemDoc> selected =
                inCategory.stream().filter(d -> brand.equalsIgnoreCase(d.brand)).toList();

        assertThat(answer.total()).isEqualTo(selected.size());
        assertThat(answer.itemIds()).containsExactlyInAnyOrderElementsOf(ids(selected));
        // The brand facet ignores the brand filter (so other brands stay selectable) ...
        assertThat(facet(answer.body(), "brand")).isEqualTo(top(brandCounts(inCategory), 20));
        // ... the category facet counts only the selected brand.
        assertThat(facet(answer.body(), "category")).isEqualTo(childCounts(selected, WOMENS));
    }

    @Test
    void priceRangeAndAttributeFiltersWithTheirFacets() {
        long min = 30_000;
        long max = 80_000;
        var answer = api.search(
                "minPrice",
                String.valueOf(min),
                "maxPrice",
                String.valueOf(max),
                "attr.Ideal For",
                "Women's",
                "size",
                "100");
        Predicate<ItemDoc> inPrice = d -> d.priceMinor >= min && d.priceMinor <= max;
        Predicate<ItemDoc> forWomen = d -> "Women's".equals(d.attributes.get("Ideal For"));
        List<ItemDoc> both = listed.stream().filter(inPrice.and(forWomen)).toList();
        assertThat(answer.total()).isEqualTo(both.size());
        // Without q every match scores the same: the tie-breaker (item id) orders them.
        assertThat(answer.itemIds())
                .isEqualTo(ids(both).stream().sorted().limit(100).toList());

        // The price facet ignores the price filter, the attribute facet ignores the attribute filter.
        List<ItemDoc> women = listed.stream().filter(forWomen).toList();
        JsonNode prices = answer.body().path("facets").path("price");
        assertThat(prices.get(0).path("to").longValue()).isEqualTo(50_000);
        assertThat(prices.get(0).path("count").longValue())
                .isEqualTo(women.stream().filter(d -> d.priceMinor < 50_000).count());
        assertThat(prices.get(1).path("count").longValue())
                .isEqualTo(women.stream()
                        .filter(d -> d.priceMinor >= 50_000 && d.priceMinor < 100_000)
                        .count());
        Map<String, Long> idealFor = listed.stream()
                .filter(inPrice)
                .filter(d -> d.attributes.containsKey("Ideal For"))
                .collect(Collectors.groupingBy(d -> d.attributes.get("Ideal For"), Collectors.counting()));
        Map<String, Long> facet = new LinkedHashMap<>();
        answer.body()
                .path("facets")
                .path("attributes")
                .path("Ideal For")
                .forEach(b ->
                        facet.put(b.path("value").stringValue(), b.path("count").longValue()));
        assertThat(facet).isEqualTo(top(idealFor, 20));
    }

    @Test
    void sortsOrderByTheirKeyThenItemId() {
        Comparator<ItemDoc> byId = Comparator.comparing(d -> d.itemId);
        assertThat(api.search("sort", "price_asc", "size", "30").itemIds())
                .isEqualTo(ids(listed.stream()
                        .sorted(Comparator.comparing((ItemDoc d) -> d.priceMinor)
                                .thenComparing(byId))
                        .limit(30)
                        .toList()));
        assertThat(api.search("sort", "price_desc", "size", "30").itemIds())
                .isEqualTo(ids(listed.stream()
                        .sorted(Comparator.comparing((ItemDoc d) -> d.priceMinor)
                                .reversed()
                                .thenComparing(byId))
                        .limit(30)
                        .toList()));
        assertThat(api.search("sort", "newest", "size", "30").itemIds())
                .isEqualTo(ids(listed.stream()
                        .sorted(Comparator.comparing((ItemDoc d) -> d.createdAt)
                                .reversed()
                                .thenComparing(byId))
                        .limit(30)
                        .toList()));
        assertThat(api.search("sort", "rating", "size", "30").itemIds())
                .isEqualTo(ids(listed.stream()
                        .sorted(Comparator.comparing((ItemDoc d) -> d.rating == null ? 0.0 : d.rating)
                                .reversed()
                                .thenComparing(byId))
                        .limit(30)
                        .toList()));
        // Relevance puts the best match first; without q every listed item is a match.
        assertThat(api.search("q", "samsung galaxy", "sort", "relevance")
                        .titles()
                        .get(0))
                .contains("Galaxy");
    }

    @Test
    void searchAfterWalksEveryResultOnceAndPagesAgree() {
        for (String sort : List.of("price_asc", "rating", "relevance")) {
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                var answer = after == null
                        ? api.search("sort", sort, "size", "97")
                        : api.search("sort", sort, "size", "97", "after", after);
                assertThat(answer.status()).isEqualTo(200);
                seen.addAll(answer.itemIds());
                after = answer.body().path("nextAfter").isString()
                        ? answer.body().path("nextAfter").stringValue()
                        : null;
                pages++;
            } while (after != null && pages < 100);
            assertThat(seen).doesNotHaveDuplicates().hasSize(listed.size());
            assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(ids(listed)));
        }
        // Shallow pages and the cursor agree.
        var first = api.search("q", "women", "sort", "price_asc", "size", "10");
        var second = api.search("q", "women", "sort", "price_asc", "size", "10", "page", "1");
        var viaCursor = api.search(
                "q",
                "women",
                "sort",
                "price_asc",
                "size",
                "10",
                "after",
                first.body().path("nextAfter").stringValue());
        assertThat(viaCursor.itemIds()).isEqualTo(second.itemIds());
        // Facets describe the result set: on pages reached with page=, not again on cursor pages; the total on all.
        assertThat(first.body().path("facets").path("brand").isEmpty()).isFalse();
        assertThat(second.body().has("facets")).isTrue();
        assertThat(viaCursor.body().has("facets")).isFalse();
        assertThat(viaCursor.total())
                .isEqualTo(first.total())
                .isEqualTo(second.total())
                .isPositive();
    }

    @Test
    void suggestCompletesFromTheStartAndFallsBackToWordsInTitles() {
        JsonNode alis = api.suggest("q", "alis").body();
        assertThat(alis.path("suggestions")
                        .valueStream()
                        .map(JsonNode::stringValue)
                        .toList())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT)).startsWith("alis"))
                .contains("Alisha");
        List<String> kurt = api.suggest("q", "kurt", "size", "5")
                .body()
                .path("suggestions")
                .valueStream()
                .map(JsonNode::stringValue)
                .toList();
        long kurtaTitles = listed.stream()
                .map(d -> d.title.toLowerCase(Locale.ROOT))
                .filter(t -> t.contains("kurt"))
                .distinct()
                .count();
        assertThat(kurt)
                .hasSize((int) Math.min(5, kurtaTitles))
                .allSatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT)).contains("kurt"));
        // Unlisted items are not suggested.
        ItemDoc outOfStock = docs.stream()
                .filter(d -> !d.listed()
                        && d.title.length() > 12
                        && docs.stream()
                                .filter(o -> o.listed() && o.title.equalsIgnoreCase(d.title))
                                .findAny()
                                .isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(api.suggest("q", outOfStock.title.substring(0, outOfStock.title.length() - 2), "size", "20")
                        .body()
                        .path("suggestions")
                        .valueStream()
                        .map(JsonNode::stringValue)
                        .toList())
                .doesNotContain(outOfStock.title);
    }

    @Test
    void everySearchPublishesOneSearchPerformed() {
        // The search's trace, as the gateway passes it on: the event is sent on another thread, in that trace.
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var anonymous = api.call(api.request("/api/search", "q", "kurta", "brand", "Vishudh", "sort", "price_asc")
                .header("X-Session-Id", "session-flipkart-1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(anonymous.raw().getHeader("X-Session-Id")).isEqualTo("session-flipkart-1");
        var user = api.searchAs(TestJwts.bearer("user-42", "CUSTOMER"), "q", "watch");

        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(
                kafka,
                names.topic(Topics.SEARCH_QUERIES),
                r -> r.stream().anyMatch(key("session-flipkart-1"))
                        && r.stream().anyMatch(key("user-42")),
                Duration.ofSeconds(30));
        JsonNode event = read(records.stream().filter(key("session-flipkart-1")).toList());
        assertThat(event.path("anonymous").booleanValue()).isTrue();
        assertThat(event.path("query").stringValue()).isEqualTo("kurta");
        assertThat(event.path("filters").path("brand").stringValue()).isEqualTo("Vishudh");
        assertThat(event.path("filters").path("sort").stringValue()).isEqualTo("price_asc");
        assertThat(event.path("resultCount").longValue())
                .isEqualTo(anonymous.total())
                .isPositive();
        JsonNode userEvent = read(records.stream().filter(key("user-42")).toList());
        assertThat(userEvent.path("anonymous").booleanValue()).isFalse();
        assertThat(userEvent.path("resultCount").longValue()).isEqualTo(user.total());
        assertThat(new String(records.get(0).headers().lastHeader("ce_type").value()))
                .isEqualTo("dev.bazaar.SearchPerformed");
        var anonymousRecord =
                records.stream().filter(key("session-flipkart-1")).findFirst().orElseThrow();
        assertThat(new String(
                        anonymousRecord.headers().lastHeader("traceparent").value()))
                .startsWith("00-" + traceId + "-");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> key(String key) {
        return r -> key.equals(r.key());
    }

    private static JsonNode read(List<ConsumerRecord<String, byte[]>> records) {
        assertThat(records).hasSize(1);
        return SearchApi.JSON.readTree(records.get(0).value());
    }

    private List<ItemDoc> inCategory(String path) {
        return listed.stream().filter(d -> d.categoryPrefixes().contains(path)).toList();
    }

    private static String topBrand(List<ItemDoc> docs) {
        return brandCounts(docs).entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static Map<String, Long> brandCounts(List<ItemDoc> docs) {
        return docs.stream()
                .filter(d -> d.brand != null)
                .collect(Collectors.groupingBy(d -> d.brand, Collectors.counting()));
    }

    /** Counts per direct child path of {@code parent} (top level when null). */
    private static Map<String, Long> childCounts(List<ItemDoc> docs, String parent) {
        int depth = parent == null ? 1 : parent.split(">>").length + 1;
        return top(
                docs.stream()
                        .map(d -> d.categoryPrefixes().stream()
                                .filter(p -> p.split(">>").length == depth
                                        && (parent == null || p.startsWith(parent + ">>"))
                                        && !p.split(">>")[depth - 1].contains(">"))
                                .findFirst()
                                .orElse(null))
                        .filter(Objects::nonNull)
                        .collect(Collectors.groupingBy(p -> p, Collectors.counting())),
                20);
    }

    /** The buckets a terms aggregation returns: highest count first, ties by key, at most n. */
    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static Map<String, Long> facet(JsonNode body, String name) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        body.path("facets")
                .path(name)
                .forEach(b -> buckets.put(
                        b.path("value").stringValue(), b.path("count").longValue()));
        return buckets;
    }

    private static List<String> brandsOf(SearchApi.Answer answer) {
        List<String> brands = new ArrayList<>();
        answer.body()
                .path("items")
                .forEach(item -> brands.add(item.path("brand").stringValue()));
        return brands;
    }

    private static List<String> ids(List<ItemDoc> docs) {
        return docs.stream().map(d -> d.itemId).toList();
    }

    @SuppressWarnings("unused")
    private static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }
}
