package dev.bazaar.inbound.importing;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.inbound.item.SupplierItemEvents;
import dev.bazaar.inbound.item.SupplierItems;
import dev.bazaar.inbound.translation.SupplierRow;
import dev.bazaar.starter.outbox.BatchOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one chunk of rows in one transaction: the item ledger, the outbox entries of the new and
 * changed items, the row errors and the job's counters (its resume point). Either all of it
 * commits or none, so a crash mid-import neither loses nor double-counts a row.
 */
@Component
class ChunkWriter {

    private final SupplierItems items;
    private final SupplierItemEvents events;
    private final ImportJobs jobs;
    private final BatchOutbox outbox;

    ChunkWriter(SupplierItems items, SupplierItemEvents events, ImportJobs jobs, BatchOutbox outbox) {
        this.items = items;
        this.events = events;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    /**
     * @param assumeNew take every item for new without reading the ledger (see
     *        {@link SupplierItems#recordChanges}); a duplicate key then fails the whole chunk
     */
    @Transactional
    public ImportCounts write(String importId, List<SupplierRow> rows, boolean assumeNew) {
        List<CanonicalItem> candidates = new ArrayList<>();
        List<ImportJobs.RowError> errors = new ArrayList<>();
        long rejected = 0;
        long skipped = 0;
        for (SupplierRow row : rows) {
            if (row instanceof SupplierRow.Accepted accepted) {
                candidates.add(accepted.item());
            } else if (row instanceof SupplierRow.Rejected rejection) {
                rejected++;
                errors.addAll(ImportJobs.errorsOf(rejection.rowNumber(), rejection.faults()));
            } else {
                skipped++;
            }
        }
        List<SupplierItems.Recorded> changed = items.recordChanges(candidates, assumeNew);
        Instant now = Instant.now();
        // One batch insert into the outbox in this transaction; the relay sends it after the commit.
        outbox.stageSerialized(events.received(importId, now, changed));
        jobs.addRowErrors(importId, errors);
        ImportCounts delta =
                new ImportCounts(rows.size(), changed.size(), rejected, skipped, candidates.size() - changed.size());
        jobs.advance(importId, delta);
        return delta;
    }
}
