package dev.bazaar.order.reconciliation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run found so far: each mismatch logged at WARN as it is found and stored with its run (in batches),
 * counted by kind; and how much was checked, and left for the next run as still moving.
 */
final class Findings {

    private static final Logger log = LoggerFactory.getLogger(Findings.class);

    private static final int BATCH = 200;

    /** How much a run looked at, stored with it. */
    record Checked(long stockRows, long orders, long ledgerReferences, long payments, long skippedAsMoving) {}

    private final String runId;
    private final ReconciliationRuns runs;
    private final List<Mismatch> pending = new ArrayList<>();
    private final Map<Mismatch.Kind, Long> byKind = new EnumMap<>(Mismatch.Kind.class);
    private long stored;
    long stockRows;
    long orders;
    long ledgerReferences;
    long payments;
    long skippedAsMoving;

    Findings(String runId, ReconciliationRuns runs) {
        this.runId = runId;
        this.runs = runs;
    }

    void report(Mismatch mismatch) {
        log.warn(
                "Reconciliation {} mismatch {}: order {} item {} warehouse {} payment {}: expected [{}], actual [{}]; {}",
                runId,
                mismatch.kind(),
                mismatch.orderId(),
                mismatch.itemId(),
                mismatch.warehouseId(),
                mismatch.paymentId(),
                mismatch.expected(),
                mismatch.actual(),
                mismatch.detail());
        byKind.merge(mismatch.kind(), 1L, Long::sum);
        pending.add(mismatch);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        runs.addMismatches(runId, stored, pending);
        stored += pending.size();
        pending.clear();
    }

    Map<Mismatch.Kind, Long> byKind() {
        return byKind;
    }

    long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    Checked checked() {
        return new Checked(stockRows, orders, ledgerReferences, payments, skippedAsMoving);
    }
}
