package dev.bazaar.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.ReportPublished.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportSnapshotsTests {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant T30 = Instant.parse("2026-01-05T10:30:00Z");
    static final Instant T31 = Instant.parse("2026-01-05T10:31:00Z");
    static final Instant T1 = Instant.parse("2026-01-05T10:01:00Z");
    static final Instant NOW = Instant.parse("2026-01-05T10:40:00Z");

    @Test
    void oneSnapshotPerWindowOldestFirstWithItsTopNBestFirst() {
        List<ReportPublished> snapshots = ReportSnapshots.of(
                Report.MOST_BOUGHT,
                List.of(
                        new WindowScore(T1, T31, "x", 1),
                        new WindowScore(T0, T30, "a", 2),
                        new WindowScore(T0, T30, "b", 7),
                        new WindowScore(T0, T30, "c", 5),
                        new WindowScore(T0, T30, "d", 1)),
                3,
                NOW);

        assertThat(snapshots).extracting(ReportPublished::windowEnd).containsExactly(T30, T31);
        ReportPublished first = snapshots.get(0);
        assertThat(first.report()).isEqualTo("most-bought");
        assertThat(first.windowStart()).isEqualTo(T0);
        assertThat(first.occurredAt()).isEqualTo(NOW);
        // 7, 5, 2: d's 1 is past the top 3.
        assertThat(first.entries())
                .containsExactly(new Entry("b", null, 7), new Entry("c", null, 5), new Entry("a", null, 2));
        assertThat(snapshots.get(1).entries()).containsExactly(new Entry("x", null, 1));
    }

    @Test
    void equalScoresRankByKeySoAReplayRanksAlike() {
        List<WindowScore> scores = List.of(
                new WindowScore(T0, T30, "item-9", 3),
                new WindowScore(T0, T30, "item-10", 3),
                new WindowScore(T0, T30, "item-1", 3));

        assertThat(ReportSnapshots.of(Report.MOST_WISHLISTED, scores, 2, NOW)
                        .get(0)
                        .entries())
                .extracting(Entry::itemId)
                .containsExactly("item-1", "item-10");
        assertThat(ReportSnapshots.of(
                                Report.MOST_WISHLISTED, List.of(scores.get(2), scores.get(1), scores.get(0)), 2, NOW)
                        .get(0)
                        .entries())
                .extracting(Entry::itemId)
                .containsExactly("item-1", "item-10");
    }

    @Test
    void theSearchesReportNamesQueriesNotItems() {
        ReportPublished snapshot = ReportSnapshots.of(
                        Report.SEARCHES, List.of(new WindowScore(T0, T30, "red shoes", 3)), 10, NOW)
                .get(0);

        assertThat(snapshot.entries()).containsExactly(new Entry(null, "red shoes", 3));
    }

    @Test
    void aWindowsEventIdDependsOnlyOnTheReportAndTheWindowEnd() {
        UUID id = ReportSnapshots.eventId(Report.TOP_REVENUE, T30);

        assertThat(id)
                .isEqualTo(UUID.nameUUIDFromBytes("top-revenue|2026-01-05T10:30:00Z".getBytes(StandardCharsets.UTF_8)));
        assertThat(ReportSnapshots.of(Report.TOP_REVENUE, List.of(new WindowScore(T0, T30, "a", 1)), 3, NOW)
                        .get(0)
                        .eventId())
                .isEqualTo(id);
        assertThat(ReportSnapshots.eventId(Report.MOST_ORDERED, T30)).isNotEqualTo(id);
        assertThat(ReportSnapshots.eventId(Report.TOP_REVENUE, T31)).isNotEqualTo(id);
    }
}
