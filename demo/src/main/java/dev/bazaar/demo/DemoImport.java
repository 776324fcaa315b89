package dev.bazaar.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports the demo catalogue through the supplier API and waits for inbound-service to finish it.
 * Anything short of every row taken (accepted as new or changed, or unchanged since the last run)
 * is a {@link DemoFailure}: a rejected demo row is a bug in the generator or in inbound's rules.
 */
final class DemoImport {

    private static final Duration POLL = Duration.ofMillis(250);

    private final SupplierApi api;
    private final Duration timeout;

    DemoImport(SupplierApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    ImportStatus run(List<DemoItem> items, Path file) {
        try {
            CatalogueFile.write(items, file);
        } catch (IOException e) {
            throw new DemoFailure("cannot write the demo catalogue to " + file, e);
        }
        String importId = api.sendCatalogue(file);
        ImportStatus status = awaitFinished(importId);
        check(status, items.size());
        return status;
    }

    private ImportStatus awaitFinished(String importId) {
        Instant deadline = Instant.now().plus(timeout);
        ImportStatus status = api.status(importId);
        while (!status.finished()) {
            if (Instant.now().isAfter(deadline)) {
                throw new DemoFailure(
                        "import " + importId + " still " + status.status() + " after " + timeout.toSeconds() + " s ("
                                + status.counts().rowsRead() + " rows read); see ./bazaar logs inbound-service");
            }
            pause();
            status = api.status(importId);
        }
        return status;
    }

    static void check(ImportStatus status, int expectedRows) {
        ImportStatus.Counts counts = status.counts();
        if ("FAILED".equals(status.status())) {
            throw new DemoFailure("import " + status.importId() + " FAILED: " + status.failure()
                    + "; see ./bazaar logs inbound-service");
        }
        if (counts.rejected() > 0) {
            throw new DemoFailure("inbound-service rejected " + counts.rejected() + " of " + counts.rowsRead()
                    + " demo rows (import " + status.importId() + "); first errors:\n"
                    + status.errors().stream()
                            .map(e -> "  row " + e.row() + " " + e.field() + ": " + e.reason())
                            .collect(Collectors.joining("\n")));
        }
        if (counts.rowsRead() != expectedRows || counts.accepted() + counts.unchanged() != expectedRows) {
            throw new DemoFailure("import " + status.importId() + " took " + counts.accepted() + " new or changed and "
                    + counts.unchanged() + " unchanged of " + counts.rowsRead() + " rows read; " + expectedRows
                    + " were sent");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for the import", e);
        }
    }
}
