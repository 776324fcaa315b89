package dev.bazaar.order.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The runs and their mismatches in MariaDB, explicit SQL; a run's row moves RUNNING -> COMPLETED | FAILED once. */
@Repository
class ReconciliationRuns {

    enum Trigger {
        SCHEDULE,
        OPS
    }

    enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    record Run(
            String runId,
            Trigger trigger,
            Status status,
            Instant startedAt,
            Instant finishedAt,
            Findings.Checked checked,
            long mismatchCount,
            String failure) {}

    private final JdbcClient jdbc;

    ReconciliationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(String runId, Trigger trigger) {
        jdbc.sql("INSERT INTO reconciliation_run (id, trigger_kind, status) VALUES (?, ?, 'RUNNING')")
                .params(runId, trigger.name())
                .update();
    }

    void addMismatches(String runId, long firstSeq, List<Mismatch> mismatches) {
        long seq = firstSeq;
        for (Mismatch m : mismatches) {
            jdbc.sql("""
                            INSERT INTO reconciliation_mismatch (run_id, seq, kind, order_id, item_id, warehouse_id,
                                                                 payment_id, expected, actual, detail)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            runId,
                            ++seq,
                            m.kind().name(),
                            m.orderId(),
                            m.itemId(),
                            m.warehouseId(),
                            m.paymentId(),
                            clip(m.expected(), 500),
                            clip(m.actual(), 500),
                            clip(m.detail(), 1000))
                    .update();
        }
    }

    /** RUNNING -> {@code status} (compare-and-set: a run ends once) with what it checked. */
    void finish(String runId, Status status, Findings.Checked checked, long mismatches, String failure) {
        jdbc.sql("""
                        UPDATE reconciliation_run SET status = ?, finished_at = CURRENT_TIMESTAMP(6), stock_rows = ?,
                               orders_checked = ?, ledger_references = ?, payments_checked = ?, skipped_as_moving = ?,
                               mismatches = ?, failure = ?
                        WHERE id = ? AND status = 'RUNNING'""")
                .params(
                        status.name(),
                        checked.stockRows(),
                        checked.orders(),
                        checked.ledgerReferences(),
                        checked.payments(),
                        checked.skippedAsMoving(),
                        mismatches,
                        failure == null ? null : clip(failure, 1000),
                        runId)
                .update();
    }

    Optional<Run> find(String runId) {
        return jdbc.sql("SELECT * FROM reconciliation_run WHERE id = ?")
                .param(runId)
                .query((rs, n) -> run(rs))
                .optional();
    }

    /** The run that ended last (COMPLETED or FAILED). */
    Optional<Run> latestFinished() {
        return jdbc.sql("""
                        SELECT * FROM reconciliation_run WHERE status IN ('COMPLETED', 'FAILED')
                        ORDER BY finished_at DESC, id DESC LIMIT 1""").query((rs, n) -> run(rs)).optional();
    }

    List<Mismatch> mismatches(String runId, int page, int size) {
        return jdbc.sql("""
                        SELECT kind, order_id, item_id, warehouse_id, payment_id, expected, actual, detail
                        FROM reconciliation_mismatch WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?""")
                .params(runId, size, (long) page * size)
                .query((rs, n) -> new Mismatch(
                        Mismatch.Kind.valueOf(rs.getString("kind")),
                        rs.getString("order_id"),
                        rs.getString("item_id"),
                        rs.getString("warehouse_id"),
                        rs.getString("payment_id"),
                        rs.getString("expected"),
                        rs.getString("actual"),
                        rs.getString("detail")))
                .list();
    }

    Map<Mismatch.Kind, Long> countsByKind(String runId) {
        Map<Mismatch.Kind, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT kind, COUNT(*) FROM reconciliation_mismatch WHERE run_id = ?
                        GROUP BY kind ORDER BY kind""").param(runId).query(rs -> {
            counts.put(Mismatch.Kind.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    long countMismatches(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM reconciliation_mismatch WHERE run_id = ?")
                .param(runId)
                .query(Long.class)
                .single();
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(
                rs.getString("id"),
                Trigger.valueOf(rs.getString("trigger_kind")),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                new Findings.Checked(
                        rs.getLong("stock_rows"),
                        rs.getLong("orders_checked"),
                        rs.getLong("ledger_references"),
                        rs.getLong("payments_checked"),
                        rs.getLong("skipped_as_moving")),
                rs.getLong("mismatches"),
                rs.getString("failure"));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
