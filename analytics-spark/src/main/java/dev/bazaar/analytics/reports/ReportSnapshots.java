package dev.bazaar.analytics.reports;

import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.ReportPublished.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the final counts of a report's windows into one {@link ReportPublished} per window: its top N
 * keys, best first. Ties go to the smaller key, so a replayed batch ranks exactly as the first run did.
 */
final class ReportSnapshots {

    /** Best score first, then key ascending: a total order, the same on every run. */
    static final Comparator<WindowScore> RANKING =
            Comparator.comparingDouble(WindowScore::score).reversed().thenComparing(WindowScore::key);

    /** The snapshots of the windows {@code scores} covers, in window order (oldest first). */
    static List<ReportPublished> of(Report report, List<WindowScore> scores, int topN, Instant publishedAt) {
        Map<Instant, List<WindowScore>> byWindowEnd = scores.stream()
                .collect(Collectors.groupingBy(WindowScore::windowEnd, TreeMap::new, Collectors.toList()));
        List<ReportPublished> snapshots = new ArrayList<>();
        byWindowEnd.forEach((windowEnd, windowScores) -> {
            List<Entry> entries = windowScores.stream()
                    .sorted(RANKING)
                    .limit(topN)
                    .map(score -> entry(report, score))
                    .toList();
            snapshots.add(new ReportPublished(
                    eventId(report, windowEnd),
                    publishedAt,
                    report.reportName(),
                    windowScores.get(0).windowStart(),
                    windowEnd,
                    entries));
        });
        return snapshots;
    }

    /**
     * The same for every publication of one window's snapshot (a batch replayed after a restart publishes
     * it again): consumers keep one.
     */
    static UUID eventId(Report report, Instant windowEnd) {
        return UUID.nameUUIDFromBytes((report.reportName() + "|" + windowEnd).getBytes(StandardCharsets.UTF_8));
    }

    private static Entry entry(Report report, WindowScore score) {
        return report == Report.SEARCHES
                ? new Entry(null, score.key(), score.score())
                : new Entry(score.key(), null, score.score());
    }

    private ReportSnapshots() {}
}
