package dev.bazaar.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.analytics.EventsOnKafka;
import dev.bazaar.analytics.LocalSpark;
import dev.bazaar.analytics.kafka.PublishedEvents;
import dev.bazaar.analytics.lake.LakeLayout;
import dev.bazaar.analytics.lake.LakeReader;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.BestsellersComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed.Scored;
import dev.bazaar.contracts.analytics.SimilarItemsComputed;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.contracts.shopping.CartChanged;
import dev.bazaar.contracts.shopping.SearchPerformed;
import dev.bazaar.contracts.shopping.WishlistChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over a small lake with planted tastes, on the local Kafka: book lovers and electronics lovers,
 * a deactivated book every book lover wants, two books always bought together, a guest's cart, an
 * order cancelled before payment and an order older than the bestsellers' window.
 */
class RecommendationRunIntegrationTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String BOOKS = "Books";
    static final String ELECTRONICS = "Electronics";
    static final List<String> BOOK_LOVERS = users("reader", 6);
    static final List<String> GADGET_LOVERS = users("gadgeteer", 6);
    static final String GONE = "book-gone";

    static SparkSession spark;
    static final Map<String, String> categoryOf = new HashMap<>();
    final List<Row> lake = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void servers() {
        LocalServer.KAFKA.requireReachable();
        spark = LocalSpark.session();
    }

    @Test
    void publishesEachUsersListsSimilarItemsAndBestsellersOfOneModelVersion() throws IOException {
        catalogue();
        // Book lovers: three buy book-1 with book-2 in one order, three buy two of book-3; all of them
        // wishlist book-4, cart book-5 and want the deactivated book (wishlist and cart).
        for (int i = 0; i < 6; i++) {
            String user = BOOK_LOVERS.get(i);
            if (i < 3) {
                order(user, OrderStatus.PLACED, days(2 + i), line("book-1", 1), line("book-2", 1));
            } else {
                order(user, OrderStatus.PLACED, days(2 + i), line("book-3", 2));
            }
            wishlist(user, "book-4", days(1));
            cart(user, "book-5", days(1));
            wishlist(user, GONE, hours(5));
            cart(user, GONE, hours(4));
        }
        search(BOOK_LOVERS.get(0), "  Paperback NOVEL ", hours(3));
        // Gadget lovers: three buy two of gadget-1, three buy gadget-2 with gadget-3; all wishlist
        // gadget-4 and cart gadget-5.
        for (int i = 0; i < 6; i++) {
            String user = GADGET_LOVERS.get(i);
            if (i < 3) {
                order(user, OrderStatus.PLACED, days(2 + i), line("gadget-1", 2));
            } else {
                order(user, OrderStatus.PLACED, days(2 + i), line("gadget-2", 1), line("gadget-3", 1));
            }
            wishlist(user, "gadget-4", days(1));
            cart(user, "gadget-5", days(1));
        }
        // Older than the bestsellers' 30 days: ten of gadget-6 make it no bestseller.
        order(GADGET_LOVERS.get(0), OrderStatus.PLACED, days(40), line("gadget-6", 10));
        // Never paid: no purchase, no bestseller.
        order(BOOK_LOVERS.get(0), OrderStatus.CANCELLED, days(1), line("gadget-6", 50));
        // A guest's cart: no user to recommend to, no signal.
        event(new CartChanged(
                UUID.randomUUID(),
                hours(2),
                null,
                "guest-7",
                CartChanged.Action.ADDED,
                "gadget-6",
                3,
                Money.inr(1000)));
        writeLake();

        String prefix = IsolatedNames.forTestClass(getClass()).topicPrefix();
        AnalyticsSettings settings = AnalyticsSettings.fromEnvironment()
                .withTopicPrefix(prefix)
                .withLakeUri(dir.toUri().toString());
        String topic = settings.topic(Topics.RECOMMENDATIONS);
        int topN = settings.topN();

        RecommendationRun.Summary summary = RecommendationRun.run(
                spark, settings, RecommendationSettings.standard(), Clock.fixed(NOW, ZoneOffset.UTC));

        // 12 users, each with an overall list and one per category (their candidates span both).
        assertThat(summary).isEqualTo(new RecommendationRun.Summary("als-20261201T120000Z", 12, 36, 6, 3));
        List<ConsumerRecord<String, byte[]>> records;
        try (EventsOnKafka kafka = new EventsOnKafka(settings.kafkaBootstrap())) {
            List<List<ConsumerRecord<String, byte[]>>> read = new ArrayList<>(List.of(List.of()));
            EventsOnKafka.await("45 records on " + topic, Duration.ofSeconds(60), () -> {
                read.set(0, kafka.records(topic));
                return read.get(0).size() >= 45;
            });
            records = read.get(0);
        }
        assertThat(records).hasSize(45);
        Map<String, List<ConsumerRecord<String, byte[]>>> byType = records.stream()
                .collect(Collectors.groupingBy(r -> CloudEventHeaders.value(r.headers(), CloudEventHeaders.TYPE)
                        .orElseThrow()));
        assertThat(byType.keySet())
                .containsExactlyInAnyOrder(
                        "dev.bazaar.RecommendationsComputed",
                        "dev.bazaar.SimilarItemsComputed",
                        "dev.bazaar.BestsellersComputed");
        List<RecommendationsComputed> lists =
                values(byType.get("dev.bazaar.RecommendationsComputed"), RecommendationsComputed.class);
        List<SimilarItemsComputed> similar =
                values(byType.get("dev.bazaar.SimilarItemsComputed"), SimilarItemsComputed.class);
        List<BestsellersComputed> bestsellers =
                values(byType.get("dev.bazaar.BestsellersComputed"), BestsellersComputed.class);

        // One model version for every record of the run; keys as the contract says.
        Set<String> versions = new java.util.HashSet<>();
        lists.forEach(l -> versions.add(l.modelVersion()));
        similar.forEach(l -> versions.add(l.modelVersion()));
        bestsellers.forEach(l -> versions.add(l.modelVersion()));
        assertThat(versions).containsExactly("als-20261201T120000Z");
        records.forEach(r -> assertThat(r.key()).isIn(keys(lists, similar, bestsellers)));

        assertThat(lists.stream().map(RecommendationsComputed::userId).distinct())
                .containsExactlyInAnyOrderElementsOf(concat(BOOK_LOVERS, GADGET_LOVERS));
        for (String user : concat(BOOK_LOVERS, GADGET_LOVERS)) {
            String taste = BOOK_LOVERS.contains(user) ? BOOKS : ELECTRONICS;
            Set<String> ordered = orderedBy(user);
            RecommendationsComputed overall = listOf(lists, user, null);
            List<String> items = ids(overall.items());
            assertThat(items)
                    .as(user)
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(topN)
                    .doesNotContain(GONE)
                    .doesNotContainAnyElementsOf(ordered);
            // Their own category first: the first three are all of it.
            assertThat(items.subList(0, 3))
                    .as(user + " " + items)
                    .allMatch(item -> categoryOf.get(item).equals(taste));
            assertThat(overall.items())
                    .as("best first")
                    .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            for (String category : List.of(BOOKS, ELECTRONICS)) {
                List<String> inCategory = ids(listOf(lists, user, category).items());
                assertThat(inCategory)
                        .as(user + " in " + category)
                        .isNotEmpty()
                        .doesNotContain(GONE)
                        .doesNotContainAnyElementsOf(ordered)
                        .allMatch(item -> categoryOf.get(item).equals(category));
            }
        }

        // Bought together: by co-buyers; gadget-1 and gadget-6 share one buyer (the old order).
        Map<String, List<String>> together =
                similar.stream().collect(Collectors.toMap(SimilarItemsComputed::itemId, s -> ids(s.items())));
        assertThat(together)
                .isEqualTo(Map.of(
                        "book-1", List.of("book-2"),
                        "book-2", List.of("book-1"),
                        "gadget-2", List.of("gadget-3"),
                        "gadget-3", List.of("gadget-2"),
                        "gadget-1", List.of("gadget-6"),
                        "gadget-6", List.of("gadget-1")));
        assertThat(similar.stream()
                        .filter(s -> s.itemId().equals("book-1"))
                        .findFirst()
                        .orElseThrow()
                        .items())
                .containsExactly(new Scored("book-2", 3));

        // Units in the last 30 days, equal units by item id; the cancelled and the old order count nothing.
        Map<String, List<Scored>> best = bestsellers.stream()
                .collect(Collectors.toMap(b -> String.valueOf(b.category()), BestsellersComputed::items));
        assertThat(best)
                .isEqualTo(Map.of(
                        "null",
                        List.of(
                                scored("book-3", 6),
                                scored("gadget-1", 6),
                                scored("book-1", 3),
                                scored("book-2", 3),
                                scored("gadget-2", 3),
                                scored("gadget-3", 3)),
                        BOOKS,
                        List.of(scored("book-3", 6), scored("book-1", 3), scored("book-2", 3)),
                        ELECTRONICS,
                        List.of(scored("gadget-1", 6), scored("gadget-2", 3), scored("gadget-3", 3))));
    }

    @Test
    void anEmptyLakePublishesNothing() {
        AnalyticsSettings settings = AnalyticsSettings.fromEnvironment()
                .withTopicPrefix(IsolatedNames.forTestClass(getClass()).topicPrefix())
                .withLakeUri(dir.resolve("no-lake-yet").toUri().toString());

        var summary = RecommendationRun.run(
                spark, settings, RecommendationSettings.standard(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(summary).isEqualTo(new RecommendationRun.Summary("als-20261201T120000Z", 0, 0, 0, 0));
    }

    // --- the planted shop ---

    private final Map<String, Set<String>> ordered = new HashMap<>();

    void catalogue() {
        for (int i = 1; i <= 6; i++) {
            item("book-" + i, BOOKS, i == 6 ? "Paperback novel" : "Book " + i, true, 1);
            item("gadget-" + i, ELECTRONICS, "Gadget " + i, true, 1);
        }
        item(GONE, BOOKS, "Book gone", true, 1);
        // Deactivated later (a higher version); the catalogue as of the run has it inactive.
        item(GONE, BOOKS, "Book gone", false, 2);
    }

    void item(String id, String category, String title, boolean active, long version) {
        categoryOf.put(id, category);
        var item = new CanonicalItem(
                id,
                "supplier-1",
                id,
                version,
                title,
                "Brand",
                List.of(category, "Sub"),
                Money.inr(1000),
                Money.inr(1200),
                List.of(),
                title,
                Map.of(),
                null,
                active);
        event(new CatalogItemChanged(
                UUID.randomUUID(),
                days(50 - (int) version),
                version == 1 ? CatalogItemChanged.Change.CREATED : CatalogItemChanged.Change.DEACTIVATED,
                item));
    }

    void order(String user, OrderStatus to, Instant at, OrderLine... lines) {
        if (to == OrderStatus.PLACED) {
            for (OrderLine line : lines) {
                ordered.computeIfAbsent(user, u -> new java.util.HashSet<>()).add(line.itemId());
            }
        }
        event(new OrderStatusChanged(
                UUID.randomUUID(),
                at,
                "order-" + UUID.randomUUID(),
                user,
                to == OrderStatus.PLACED ? OrderStatus.PAYMENT_PENDING : OrderStatus.CREATED,
                to,
                null,
                List.of(lines),
                Money.inr(1000)));
    }

    void wishlist(String user, String item, Instant at) {
        event(new WishlistChanged(UUID.randomUUID(), at, user, WishlistChanged.Action.ADDED, item, Money.inr(1000)));
    }

    void cart(String user, String item, Instant at) {
        event(new CartChanged(UUID.randomUUID(), at, user, null, CartChanged.Action.ADDED, item, 1, Money.inr(1000)));
    }

    void search(String user, String query, Instant at) {
        event(new SearchPerformed(UUID.randomUUID(), at, user, false, query, Map.of(), 1));
    }

    static OrderLine line(String item, int quantity) {
        return new OrderLine(item, "supplier-1", "warehouse-1", quantity, Money.inr(1000), item);
    }

    /** One row of the lake, as LakeLayout says it is written. */
    void event(IntegrationEvent event) {
        try {
            lake.add(RowFactory.create(
                    event.eventId().toString(),
                    event.topic(),
                    event.key(),
                    Timestamp.from(event.occurredAt()),
                    PublishedEvents.json().writeValueAsString(event),
                    LakeLayout.eventType(event.type()),
                    Date.valueOf(event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void writeLake() throws IOException {
        Files.createDirectories(dir);
        spark.createDataFrame(lake, LakeReader.SCHEMA)
                .write()
                .partitionBy(LakeLayout.EVENT_TYPE, LakeLayout.EVENT_DATE)
                .parquet(LakeLayout.eventsPath(dir.toUri().toString()));
    }

    // --- reading what was published ---

    Set<String> orderedBy(String user) {
        return ordered.getOrDefault(user, Set.of());
    }

    static RecommendationsComputed listOf(List<RecommendationsComputed> lists, String user, String category) {
        List<RecommendationsComputed> matching = lists.stream()
                .filter(l -> l.userId().equals(user) && java.util.Objects.equals(l.category(), category))
                .toList();
        assertThat(matching).as(user + " " + category).hasSize(1);
        return matching.get(0);
    }

    static Set<String> keys(
            List<RecommendationsComputed> lists,
            List<SimilarItemsComputed> similar,
            List<BestsellersComputed> bestsellers) {
        Set<String> keys = new java.util.HashSet<>();
        lists.forEach(l -> keys.add(l.userId()));
        similar.forEach(s -> keys.add("item:" + s.itemId()));
        bestsellers.forEach(b -> keys.add("bestsellers:" + (b.category() == null ? "*" : b.category())));
        return keys;
    }

    static <T> List<T> values(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        return records.stream()
                .map(r -> {
                    try {
                        return PublishedEvents.json().readValue(r.value(), type);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static List<String> ids(List<Scored> items) {
        return items.stream().map(Scored::itemId).toList();
    }

    static Scored scored(String item, double score) {
        return new Scored(item, score);
    }

    static List<String> users(String stem, int n) {
        return IntStream.range(0, n).mapToObj(i -> stem + "-" + i).toList();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Instant days(int n) {
        return NOW.minus(Duration.ofDays(n));
    }

    static Instant hours(int n) {
        return NOW.minus(Duration.ofHours(n));
    }
}
