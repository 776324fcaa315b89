package dev.bazaar.recommendation.intake;

import static dev.bazaar.recommendation.intake.Records.present;
import static dev.bazaar.recommendation.intake.Records.require;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.recommendation.store.RecommendationTables;
import dev.bazaar.recommendation.store.ReportSnapshot;
import dev.bazaar.recommendation.store.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code analytics.reports.v1}: each report's snapshot replaces the one held when its window ends later; the
 * window's end is the write timestamp, so a snapshot replayed after analytics-spark restarts (same window, same
 * event id) or an earlier window consumed late changes nothing. Any report name is stored (the API decides which
 * it serves); a malformed snapshot throws and is parked on {@code analytics.reports.v1.dlt}.
 */
@Component
class ReportsListener {

    private static final Logger log = LoggerFactory.getLogger(ReportsListener.class);

    static final String TYPE = ReportPublished.class.getSimpleName();

    private final RecommendationTables tables;
    private final IntakeMetrics metrics;

    ReportsListener(RecommendationTables tables, IntakeMetrics metrics) {
        this.tables = tables;
        this.metrics = metrics;
    }

    @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.ANALYTICS_REPORTS)
    void on(ReportPublished event) {
        require(event.eventId() != null, "ReportPublished without eventId");
        require(present(event.report()), "ReportPublished without report");
        require(
                event.windowStart() != null
                        && event.windowEnd() != null
                        && event.windowStart().isBefore(event.windowEnd()),
                "ReportPublished " + event.report() + " without a window (start before end)");
        require(event.entries() != null, "ReportPublished " + event.report() + " without entries");
        var entries = event.entries().stream()
                .map(entry -> {
                    require(
                            entry != null
                                    && (present(entry.itemId()) || present(entry.query()))
                                    && Double.isFinite(entry.score()),
                            "ReportPublished " + event.report() + " with an entry naming no item or query");
                    return new ReportSnapshot.Entry(entry.itemId(), entry.query(), entry.score());
                })
                .toList();
        Write outcome = tables.saveReport(
                new ReportSnapshot(event.report(), event.eventId(), event.windowStart(), event.windowEnd(), entries));
        metrics.consumed(TYPE, outcome);
        log.debug("{} {} window {} - {}: {}", TYPE, event.report(), event.windowStart(), event.windowEnd(), outcome);
    }
}
