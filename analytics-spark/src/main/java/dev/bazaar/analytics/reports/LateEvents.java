package dev.bazaar.analytics.reports;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events the reports dropped for coming later than the watermark allows. Spark drops them
 * silently but for {@code numRowsDroppedByWatermark} in each batch's progress: this listener logs them per
 * batch and keeps a total per query run, so an operator sees when {@code BAZAAR_REPORT_LATENESS} is too
 * short for the shop's delays.
 */
final class LateEvents extends StreamingQueryListener {

    private static final Logger log = LoggerFactory.getLogger(LateEvents.class);
    private static final LateEvents INSTANCE = new LateEvents();
    private static final Set<Object> LISTENED = Collections.newSetFromMap(new WeakHashMap<>());

    private final Map<UUID, LongAdder> droppedPerRun = new ConcurrentHashMap<>();

    /** The listener of {@code spark}'s queries (added once per session). */
    static synchronized LateEvents of(SparkSession spark) {
        if (LISTENED.add(spark.streams())) {
            spark.streams().addListener(INSTANCE);
        }
        return INSTANCE;
    }

    /** Late events dropped so far by the run {@code runId} of a query. */
    long dropped(UUID runId) {
        LongAdder dropped = droppedPerRun.get(runId);
        return dropped == null ? 0 : dropped.sum();
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        var progress = event.progress();
        long dropped = Arrays.stream(progress.stateOperators())
                .mapToLong(StateOperatorProgress::numRowsDroppedByWatermark)
                .sum();
        if (dropped > 0) {
            LongAdder total = droppedPerRun.computeIfAbsent(progress.runId(), runId -> new LongAdder());
            total.add(dropped);
            log.warn(
                    "{}: dropped {} late events in batch {} (watermark {}), {} since the query started",
                    progress.name(),
                    dropped,
                    progress.batchId(),
                    progress.eventTime().get("watermark"),
                    total.sum());
        }
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryIdle(QueryIdleEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}

    private LateEvents() {}
}
