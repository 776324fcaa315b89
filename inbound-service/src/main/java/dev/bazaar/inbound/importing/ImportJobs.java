package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.translation.RowFault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Import jobs and their row errors in MariaDB, so progress survives a restart and any instance can answer. */
@Component
class ImportJobs {

    public record RowError(long row, String field, String reason) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void create(
            String importId, String supplierId, String format, String spoolPath, long bodyBytes, String traceparent) {
        jdbc.sql("""
                INSERT INTO import_job (import_id, supplier_id, format, status, spool_path, body_bytes, received_at,
                  traceparent)
                VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?)""")
                .params(importId, supplierId, format, spoolPath, bodyBytes, now(), traceparent)
                .update();
    }

    public Optional<ImportJob> find(String importId) {
        return jdbc.sql("SELECT * FROM import_job WHERE import_id = ?")
                .param(importId)
                .query(ImportJobs::job)
                .optional();
    }

    /** Jobs a crash or shutdown left behind, oldest first. */
    List<ImportJob> unfinished() {
        return jdbc.sql("SELECT * FROM import_job WHERE status IN ('RECEIVED', 'PROCESSING') ORDER BY received_at")
                .query(ImportJobs::job)
                .list();
    }

    void markProcessing(String importId) {
        jdbc.sql(
                        "UPDATE import_job SET status = 'PROCESSING', started_at = COALESCE(started_at, ?) WHERE import_id = ?")
                .params(now(), importId)
                .update();
    }

    /** Called in the chunk's transaction: the counts are the resume point after a crash. */
    void advance(String importId, ImportCounts delta) {
        jdbc.sql("""
                UPDATE import_job SET rows_read = rows_read + ?, accepted = accepted + ?, rejected = rejected + ?,
                  skipped = skipped + ?, unchanged = unchanged + ? WHERE import_id = ?""")
                .params(
                        delta.rowsRead(),
                        delta.accepted(),
                        delta.rejected(),
                        delta.skipped(),
                        delta.unchanged(),
                        importId)
                .update();
    }

    void finish(String importId, ImportStatus status, String failure) {
        jdbc.sql(
                        "UPDATE import_job SET status = ?, failure = ?, finished_at = ?, spool_path = NULL WHERE import_id = ?")
                .params(status.name(), failure, now(), importId)
                .update();
    }

    void addRowErrors(String importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "INSERT INTO import_row_error (import_id, row_no, field, reason) VALUES (?, ?, ?, ?)",
                errors,
                errors.size(),
                (ps, error) -> {
                    ps.setString(1, importId);
                    ps.setLong(2, error.row());
                    ps.setString(3, truncate(error.field(), 120));
                    ps.setString(4, truncate(error.reason(), 500));
                });
    }

    public List<RowError> rowErrors(String importId, int page, int size) {
        return jdbc.sql(
                        "SELECT row_no, field, reason FROM import_row_error WHERE import_id = ? ORDER BY row_no, id LIMIT ? OFFSET ?")
                .params(importId, size, (long) page * size)
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public long countRowErrors(String importId) {
        return jdbc.sql("SELECT count(*) FROM import_row_error WHERE import_id = ?")
                .param(importId)
                .query(Long.class)
                .single();
    }

    static List<RowError> errorsOf(long row, List<RowFault> faults) {
        List<RowError> errors = new ArrayList<>(faults.size());
        faults.forEach(fault -> errors.add(new RowError(row, fault.field(), fault.reason())));
        return errors;
    }

    private static ImportJob job(ResultSet rs, int rowNum) throws SQLException {
        return new ImportJob(
                rs.getString("import_id"),
                rs.getString("supplier_id"),
                rs.getString("format"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getString("spool_path"),
                rs.getLong("body_bytes"),
                new ImportCounts(
                        rs.getLong("rows_read"),
                        rs.getLong("accepted"),
                        rs.getLong("rejected"),
                        rs.getLong("skipped"),
                        rs.getLong("unchanged")),
                rs.getString("failure"),
                instant(rs, "received_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("traceparent"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
