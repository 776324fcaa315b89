package dev.bazaar.serviceability.matrix;

import dev.bazaar.serviceability.tat.TatUpdate;

/** What a network change cost the matrix: shown by the OPS APIs, asserted by the incremental tests. */
public record MatrixReport(
        int warehousesRecomputed,
        int pincodesRecomputed,
        long entriesComputed,
        int rowsWritten,
        int rowsRemoved,
        long computeMillis,
        long writeMillis) {

    static MatrixReport of(TatUpdate update, int rowsWritten, long computeMillis, long writeMillis) {
        return new MatrixReport(
                update.warehousesRecomputed().size(),
                update.pincodesRecomputed(),
                update.entriesComputed(),
                rowsWritten,
                update.removedRows().size(),
                computeMillis,
                writeMillis);
    }
}
