package dev.bazaar.analytics.reports;

import static dev.bazaar.analytics.reports.ScriptedEvents.line;
import static dev.bazaar.analytics.reports.ScriptedEvents.minute;
import static dev.bazaar.analytics.reports.ScriptedEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.EventsOnKafka;
import dev.bazaar.analytics.JobProcess;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.ReportPublished.Entry;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "a job killed and restarted mid-stream gives the same counts": the reports job in its own
 * JVM reads the first half of a stream of placed orders, publishes the windows it made final, and is killed
 * ({@code kill -9}); the second half arrives while it is down; restarted on the same checkpoints, it
 * publishes the remaining windows. Every window's snapshot must hold what a straight count of the orders in
 * it gives, no window may be missing, and the windows published before the crash are not published again.
 */
class LiveReportsRestartIntegrationTests {

    static final Duration WITHIN = Duration.ofMinutes(3);
    static final List<String> ORDER_REPORTS = List.of("most-bought", "most-ordered", "top-revenue");

    final IsolatedNames names = IsolatedNames.forTestClass(LiveReportsRestartIntegrationTests.class);
    final String prefix = names.topicPrefix();

    @Test
    void aJobKilledAndRestartedMidStreamGivesTheSameCounts(@TempDir Path dir) throws Exception {
        LocalServer.KAFKA.requireReachable();
        Path checkpoints = dir.resolve("checkpoints");
        Map<String, String> env = Map.of(
                "BAZAAR_KAFKA_BOOTSTRAP",
                LocalServer.KAFKA.address(),
                "BAZAAR_KAFKA_TOPIC_PREFIX",
                prefix,
                "BAZAAR_CHECKPOINT_URI",
                checkpoints.toUri().toString(),
                "BAZAAR_LAKE_URI",
                dir.resolve("lake").toUri().toString(),
                "BAZAAR_REPORT_TRIGGER",
                "PT0.5S",
                "BAZAAR_REPORT_LATENESS",
                "PT5M",
                "BAZAAR_TOP_N",
                "3");
        // Up to 10:20: the watermark moves to 10:15, windows ending up to 10:15 are final.
        List<OrderStatusChanged> firstHalf = List.of(
                placed("o1", minute(1), line("A", 2, 100), line("B", 1, 500)),
                placed("o2", minute(3), line("C", 1, 2000), line("A", 1, 100)),
                placed("o3", minute(5), line("B", 3, 500)),
                placed("o4", minute(8), line("D", 2, 50), line("D", 1, 50)),
                placed("o5", minute(12), line("A", 1, 100)),
                placed("o6", minute(20), line("E", 1, 10)));
        // While the job is down: 10:16 (late, inside the watermark) to 10:40, then 13:00, which closes them all.
        List<OrderStatusChanged> secondHalf = List.of(
                placed("o7", minute(16), line("C", 2, 2000)),
                placed("o8", minute(22), line("B", 1, 500), line("D", 5, 50)),
                placed("o9", minute(31), line("A", 4, 100)),
                placed("o10", minute(40), line("C", 1, 2000), line("E", 2, 10)),
                placed("o11", minute(180), line("F", 1, 1)));
        EventsOnKafka kafka = new EventsOnKafka(LocalServer.KAFKA.address())
                .createTopics(
                        prefix + Topics.ORDER_EVENTS,
                        prefix + Topics.WISHLIST_EVENTS,
                        prefix + Topics.SEARCH_QUERIES,
                        prefix + Topics.ANALYTICS_REPORTS);
        String reports = prefix + Topics.ANALYTICS_REPORTS;

        kafka.publish(prefix + Topics.ORDER_EVENTS, firstHalf);
        List<ReportPublished> beforeCrash;
        try (JobProcess job = JobProcess.start("reports", env, dir.resolve("first-run.log"))) {
            try {
                kafka.valuesOnceThey(
                        reports,
                        ReportPublished.class,
                        published -> ORDER_REPORTS.stream()
                                .allMatch(report -> published.stream()
                                        .anyMatch(s -> s.report().equals(report)
                                                && s.windowEnd().equals(minute(15)))),
                        WITHIN);
                // Killed once the order reports' last batch is committed: what it published is then what a
                // restart must not publish again.
                EventsOnKafka.await(
                        "the order reports' batches committed",
                        WITHIN,
                        () -> ORDER_REPORTS.stream().allMatch(report -> committed(checkpoints, report)));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nfirst run's log:\n" + job.logTail(), e);
            }
            job.kill();
        }
        beforeCrash = kafka.values(reports, ReportPublished.class);

        kafka.publish(prefix + Topics.ORDER_EVENTS, secondHalf);
        List<ReportPublished> all;
        try (JobProcess job = JobProcess.start("reports", env, dir.resolve("second-run.log"))) {
            try {
                all = kafka.valuesOnceThey(
                        reports,
                        ReportPublished.class,
                        published -> published.stream()
                                        .anyMatch(s -> s.report().equals("most-bought")
                                                && s.windowEnd().equals(minute(70)))
                                && Stream.of("most-ordered", "top-revenue")
                                        .allMatch(report -> published.stream()
                                                .anyMatch(s -> s.report().equals(report)
                                                        && s.windowEnd().equals(minute(100)))),
                        WITHIN);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nsecond run's log:\n" + job.logTail(), e);
            }
        }

        List<OrderStatusChanged> orders =
                Stream.concat(firstHalf.stream(), secondHalf.stream()).toList();
        // The 30-minute windows holding 10:01..10:40 end at 10:02..11:10, the hour ones at 10:02..11:40.
        assertCounts(all, "most-bought", Duration.ofMinutes(30), 70, orders, ORDER_UNITS);
        assertCounts(all, "most-ordered", Duration.ofHours(1), 100, orders, ORDER_ONCE);
        assertCounts(all, "top-revenue", Duration.ofHours(1), 100, orders, ORDER_REVENUE);
        assertThat(beforeCrash)
                .as("published before the crash")
                .filteredOn(s -> s.report().equals("most-bought"))
                .extracting(ReportPublished::windowEnd)
                .containsExactlyElementsOf(windowEnds(2, 15));
        assertThat(all.size() - beforeCrash.size())
                .as("snapshots published after the restart: none of the windows final before the crash again")
                .isEqualTo((70 - 15) + 2 * (100 - 15));
    }

    /** What an order line adds to an item's score in each order report. */
    interface LineScore {
        long of(OrderStatusChanged order, OrderLine line);
    }

    static final LineScore ORDER_UNITS = (order, line) -> line.quantity();
    static final LineScore ORDER_REVENUE =
            (order, line) -> line.quantity() * line.unitPrice().minor();
    // Orders per item: only an order's first line of an item scores.
    static final LineScore ORDER_ONCE = (order, line) -> order.lines().stream()
                            .filter(l -> l.itemId().equals(line.itemId()))
                            .findFirst()
                            .orElseThrow()
                    == line
            ? 1
            : 0;

    /**
     * Each window ending at 10:02..lastMinute was published, and every publication of it holds the top 3 of
     * a straight count of the orders in it (a window published twice, identically).
     */
    private static void assertCounts(
            List<ReportPublished> all,
            String report,
            Duration length,
            int lastMinute,
            List<OrderStatusChanged> orders,
            LineScore score) {
        Map<Instant, List<ReportPublished>> byWindowEnd = all.stream()
                .filter(s -> s.report().equals(report))
                .collect(Collectors.groupingBy(ReportPublished::windowEnd));
        assertThat(byWindowEnd.keySet()).as(report).containsExactlyInAnyOrderElementsOf(windowEnds(2, lastMinute));
        byWindowEnd.forEach((end, snapshots) -> {
            Instant start = end.minus(length);
            Map<String, Long> counts = new HashMap<>();
            for (OrderStatusChanged order : orders) {
                if (!order.occurredAt().isBefore(start) && order.occurredAt().isBefore(end)) {
                    order.lines().forEach(line -> counts.merge(line.itemId(), score.of(order, line), Long::sum));
                }
            }
            List<Entry> expected = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .map(count -> new Entry(count.getKey(), null, count.getValue()))
                    .toList();
            assertThat(snapshots).as(report + " ending " + end).allSatisfy(snapshot -> {
                assertThat(snapshot.entries()).isEqualTo(expected);
                assertThat(snapshot.windowStart()).isEqualTo(start);
                assertThat(snapshot.eventId()).isEqualTo(snapshots.get(0).eventId());
            });
        });
    }

    private static List<Instant> windowEnds(int firstMinute, int lastMinute) {
        return IntStream.rangeClosed(firstMinute, lastMinute)
                .mapToObj(ScriptedEvents::minute)
                .toList();
    }

    // Spark writes commits/<n> once batch n's sink returned: the newest offsets/<n> committed means idle.
    private static boolean committed(Path checkpoints, String report) {
        Path query = checkpoints.resolve("reports").resolve(report);
        long offsets = newestBatch(query.resolve("offsets"));
        return offsets >= 0 && newestBatch(query.resolve("commits")) == offsets;
    }

    private static long newestBatch(Path log) {
        if (!Files.isDirectory(log)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max()
                    .orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
