package dev.bazaar.analytics.reports;

import static dev.bazaar.analytics.reports.ScriptedEvents.BASE;
import static dev.bazaar.analytics.reports.ScriptedEvents.line;
import static dev.bazaar.analytics.reports.ScriptedEvents.minute;
import static dev.bazaar.analytics.reports.ScriptedEvents.order;
import static dev.bazaar.analytics.reports.ScriptedEvents.placed;
import static dev.bazaar.analytics.reports.ScriptedEvents.search;
import static dev.bazaar.analytics.reports.ScriptedEvents.unwishlisted;
import static dev.bazaar.analytics.reports.ScriptedEvents.wishlisted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.analytics.EventsOnKafka;
import dev.bazaar.analytics.LocalSpark;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.ReportPublished.Entry;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.contracts.shopping.SearchPerformed;
import dev.bazaar.contracts.shopping.WishlistChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five reports on the local Kafka over one scripted sequence (lateness 5 minutes, top 3): orders placed
 * and other transitions, wishlist adds and removals, searches in several spellings, a redelivered event of
 * each topic, then, once the watermark stands at 10:15, one late event inside it (counted) and one beyond it
 * (dropped), and finally an event three hours ahead that closes every window of the sequence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReportsIntegrationTests {

    static final Duration WITHIN = Duration.ofMinutes(2);

    final IsolatedNames names = IsolatedNames.forTestClass(LiveReportsIntegrationTests.class);
    SparkSession spark;
    AnalyticsSettings settings;
    EventsOnKafka kafka;
    List<StreamingQuery> queries;
    List<ReportPublished> published;

    @BeforeAll
    void runTheScriptedSequence(@TempDir Path checkpoints) throws Exception {
        LocalServer.KAFKA.requireReachable();
        settings = ReportTestSettings.topThree(names.topicPrefix(), checkpoints, Duration.ofMinutes(5));
        kafka = new EventsOnKafka(settings.kafkaBootstrap())
                .createTopics(
                        topic(Topics.ORDER_EVENTS),
                        topic(Topics.WISHLIST_EVENTS),
                        topic(Topics.SEARCH_QUERIES),
                        topic(Topics.ANALYTICS_REPORTS));
        spark = LocalSpark.session();
        queries = LiveReports.start(spark, settings);

        // Up to 10:20; the newest event (10:20) moves each query's watermark to 10:15.
        OrderStatusChanged o3 = placed("o3", minute(3), line("C", 1, 2000), line("A", 1, 100), line("A", 1, 100));
        kafka.publish(
                topic(Topics.ORDER_EVENTS),
                placed("o1", minute(1).plusNanos(123_456_789), line("A", 2, 100), line("B", 1, 500)),
                order("o1", minute(1.5), OrderStatus.PLACED, OrderStatus.PACKED, line("A", 2, 100), line("B", 1, 500)),
                order("o2", minute(2), OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING, line("A", 5, 100)),
                o3,
                o3, // redelivered
                placed("o4", minute(4), line("B", 3, 500)),
                placed("o5", minute(6), line("D", 1, 50)));
        OrderStatusChanged o6 = placed("o6", minute(20), line("E", 1, 10));
        kafka.publish(topic(Topics.ORDER_EVENTS), o6);
        WishlistChanged w4 = wishlisted("u1", minute(3), "B");
        kafka.publish(
                topic(Topics.WISHLIST_EVENTS),
                wishlisted("u1", minute(1), "A"),
                wishlisted("u2", minute(2), "A"),
                unwishlisted("u1", minute(2), "A"),
                w4,
                w4, // redelivered
                wishlisted("u3", minute(5), "C"),
                wishlisted("u4", minute(5), "C"),
                wishlisted("u5", minute(8), "C"),
                wishlisted("u5", minute(9), "D"),
                wishlisted("u6", minute(20), "E"));
        SearchPerformed saree = search(minute(6), "saree");
        kafka.publish(
                topic(Topics.SEARCH_QUERIES),
                search(minute(1), "Red Shoes"),
                search(minute(2), "  red shoes "),
                search(minute(2), "RED SHOES"),
                search(minute(3), "kettle"),
                search(minute(4), "   "),
                search(minute(5), "Kettle "),
                saree,
                saree, // redelivered
                search(minute(20), "lamp"));
        EventsOnKafka.await(
                "every report's watermark at 10:15 (" + watermarks() + ")",
                WITHIN,
                () -> queries.stream().allMatch(q -> watermark(q).equals(Optional.of(minute(15)))));

        // Late: 10:16 and 10:17/10:18 are inside the watermark (counted), 10:14/10:12/10:13 beyond it (dropped).
        kafka.publish(
                topic(Topics.ORDER_EVENTS),
                placed("o7", minute(16), line("D", 4, 50)),
                placed("o8", minute(14), line("C", 9, 2000)),
                o6); // redelivered, inside the watermark
        kafka.publish(
                topic(Topics.WISHLIST_EVENTS), wishlisted("u7", minute(17), "B"), wishlisted("u8", minute(12), "D"));
        kafka.publish(topic(Topics.SEARCH_QUERIES), search(minute(18), "saree"), search(minute(13), "kettle"));

        // Three hours on: the watermark passes the end of every window up to 11:20.
        kafka.publish(topic(Topics.ORDER_EVENTS), placed("o9", minute(180), line("F", 1, 1)));
        kafka.publish(topic(Topics.WISHLIST_EVENTS), wishlisted("u9", minute(180), "F"));
        kafka.publish(topic(Topics.SEARCH_QUERIES), search(minute(180), "closer"));

        // Each query's batch at watermark 12:55 is the one that published the windows it closed: once all
        // have run one, every snapshot of the sequence is on Kafka (and any window published twice would be).
        EventsOnKafka.await(
                "every report's watermark at 12:55 (" + watermarks() + ")",
                WITHIN,
                () -> queries.stream().allMatch(q -> watermark(q).equals(Optional.of(minute(175)))));
        // The last windows holding an event of the sequence: 10:20 is in 30-minute windows up to 10:50 and
        // in one-hour windows up to 11:20.
        Map<String, Instant> lastWindowEnds = Map.of(
                "most-bought", minute(50),
                "most-ordered", minute(80),
                "top-revenue", minute(80),
                "most-wishlisted", minute(50),
                "searches", minute(50));
        published = kafka.valuesOnceThey(
                topic(Topics.ANALYTICS_REPORTS),
                ReportPublished.class,
                snapshots -> lastWindowEnds.entrySet().stream()
                        .allMatch(last -> snapshots.stream()
                                .anyMatch(s -> s.report().equals(last.getKey())
                                        && s.windowEnd().equals(last.getValue()))),
                WITHIN);
    }

    @AfterAll
    void stop() throws Exception {
        if (queries != null) {
            for (StreamingQuery query : queries) {
                query.stop();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void mostBoughtCountsTheUnitsOfPlacedOrdersInThirtyMinuteWindows() {
        // 10:00-10:30: A 2 (o1) + 1 + 1 (o3's two lines; its redelivery ignored) = 4; B 1 (o1) + 3 (o4) = 4;
        // C 1 (o3; o8's 9 came after the watermark); D 1 (o5) + 4 (o7, late but inside) = 5; E 1 (o6, once).
        // o1's move to PACKED and o2's to PAYMENT_PENDING count nowhere. Top 3, ties by item id: D, A, B.
        assertThat(snapshot("most-bought", minute(30)).entries())
                .containsExactly(item("D", 5), item("A", 4), item("B", 4));
        // 09:35-10:05: o1, o3, o4 only.
        assertThat(snapshot("most-bought", minute(5)).entries())
                .containsExactly(item("A", 4), item("B", 4), item("C", 1));
        assertThat(snapshot("most-bought", minute(30)).windowStart()).isEqualTo(BASE);
    }

    @Test
    void mostOrderedCountsEachPlacedOrderOncePerItemInAnHour() {
        // 10:00-11:00: A in o1 and o3 (two lines, one order) = 2; B in o1, o4 = 2; D in o5, o7 = 2; C 1, E 1.
        assertThat(snapshot("most-ordered", minute(60)).entries())
                .containsExactly(item("A", 2), item("B", 2), item("D", 2));
    }

    @Test
    void topRevenueSumsQuantityTimesUnitPriceOfPlacedLinesInAnHour() {
        // 10:00-11:00, paise: B 1×500 + 3×500 = 2000; C 1×2000 = 2000 (o8's 9×2000 dropped); A 2×100 + 100 + 100
        // = 400; D 50 + 4×50 = 250; E 10.
        assertThat(snapshot("top-revenue", minute(60)).entries())
                .containsExactly(item("B", 2000), item("C", 2000), item("A", 400));
    }

    @Test
    void mostWishlistedCountsAddsOnly() {
        // 10:00-10:30: C 3; A 2 (the removal takes nothing back); B 1 + 1 (u7 at 10:17, late but inside; w4's
        // redelivery ignored) = 2; D 1 (u8 at 10:12 dropped); E 1.
        assertThat(snapshot("most-wishlisted", minute(30)).entries())
                .containsExactly(item("C", 3), item("A", 2), item("B", 2));
        // 09:36-10:06: A 2, C 2, B 1.
        assertThat(snapshot("most-wishlisted", minute(6)).entries())
                .containsExactly(item("A", 2), item("C", 2), item("B", 1));
    }

    @Test
    void searchesCountQueriesLowerCasedAndTrimmedSkippingBlankOnes() {
        // 10:00-10:30: "red shoes" 3 spellings; "kettle" 2 (10:13 dropped); "saree" 1 + 1 at 10:18 (its
        // redelivery ignored) = 2; "lamp" 1.
        assertThat(snapshot("searches", minute(30)).entries())
                .containsExactly(query("red shoes", 3), query("kettle", 2), query("saree", 2));
        // 09:35-10:05: the blank search at 10:04 is no query.
        assertThat(snapshot("searches", minute(5)).entries())
                .containsExactly(query("red shoes", 3), query("kettle", 1));
    }

    @Test
    void everyWindowIsPublishedOnceWhenFinalUnderItsOwnEventId() {
        // 30-minute windows holding an event at 10:01..10:20 end at 10:02..10:50; one-hour ones at 10:02..11:20.
        // The windows of the event at 13:00 are not final yet: none is published.
        Map<String, Integer> lastEnd =
                Map.of("most-bought", 50, "most-ordered", 80, "top-revenue", 80, "most-wishlisted", 50, "searches", 50);
        lastEnd.forEach((report, last) -> {
            List<ReportPublished> snapshots =
                    published.stream().filter(s -> s.report().equals(report)).toList();
            assertThat(snapshots)
                    .as(report)
                    .extracting(ReportPublished::windowEnd)
                    .containsExactlyElementsOf(IntStream.rangeClosed(2, last)
                            .mapToObj(ScriptedEvents::minute)
                            .toList());
            assertThat(snapshots)
                    .allSatisfy(s -> assertThat(s.eventId())
                            .isEqualTo(ReportSnapshots.eventId(reportNamed(report), s.windowEnd())));
            assertThat(snapshots)
                    .allSatisfy(s -> assertThat(Duration.between(s.windowStart(), s.windowEnd()))
                            .isEqualTo(
                                    report.equals("most-ordered") || report.equals("top-revenue")
                                            ? Duration.ofHours(1)
                                            : Duration.ofMinutes(30)));
        });
    }

    @Test
    void lateEventsBeyondTheWatermarkAreDroppedAndCounted() {
        // One per query: o8 (10:14) for each order report, u8 (10:12), the 10:13 search.
        Map<String, StreamingQuery> byName =
                queries.stream().collect(Collectors.toMap(StreamingQuery::name, Function.identity()));
        EventsOnKafka.await(
                "each report's query counted its late event",
                WITHIN,
                () -> queries.stream().allMatch(q -> LiveReports.droppedLateEvents(spark, q) >= 1));
        for (Report report : Report.values()) {
            assertThat(LiveReports.droppedLateEvents(spark, byName.get(LiveReports.queryName(report))))
                    .as(report.reportName())
                    .isEqualTo(1);
        }
    }

    private ReportPublished snapshot(String report, Instant windowEnd) {
        List<ReportPublished> snapshots = published.stream()
                .filter(s -> s.report().equals(report) && s.windowEnd().equals(windowEnd))
                .toList();
        assertThat(snapshots).as(report + " ending " + windowEnd).hasSize(1);
        return snapshots.get(0);
    }

    private static Report reportNamed(String name) {
        return java.util.Arrays.stream(Report.values())
                .filter(r -> r.reportName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Entry item(String itemId, double score) {
        return new Entry(itemId, null, score);
    }

    private static Entry query(String query, double score) {
        return new Entry(null, query, score);
    }

    private String topic(String logical) {
        return settings.topic(logical);
    }

    private static Optional<Instant> watermark(StreamingQuery query) {
        var progress = query.lastProgress();
        return progress == null || progress.eventTime().get("watermark") == null
                ? Optional.empty()
                : Optional.of(Instant.parse(progress.eventTime().get("watermark")));
    }

    private String watermarks() {
        return queries.stream()
                .map(q -> q.name() + "=" + watermark(q).orElse(null))
                .toList()
                .toString();
    }
}
