package dev.bazaar.demo;

import java.util.List;

/** inbound-service's answer to {@code GET /api/supplier/imports/{id}}: state, counts, first row errors. */
record ImportStatus(String importId, String status, Counts counts, String failure, List<RowError> errors) {

    record Counts(long rowsRead, long accepted, long rejected, long skipped, long unchanged) {}

    record RowError(long row, String field, String reason) {}

    boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
}
