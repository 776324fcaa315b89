package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.translation.SupplierFormat;
import dev.bazaar.inbound.translation.SupplierRow;
import dev.bazaar.inbound.translation.SupplierRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Processes one spooled import: reads translated rows and writes them in chunks
 * ({@code chunk-rows} rows or {@code chunk-chars} characters, whichever comes first). A job that
 * was interrupted resumes after its last committed chunk, because the rows-read counter commits
 * with each chunk.
 *
 * <p>A chunk that fails on a transient database error (a lock wait timeout, a deadlock, a lost
 * connection) rolled back as a whole, so it is written again, up to {@value #CHUNK_RETRIES} times
 * with a growing pause (about 11 s in all), before the import is given up as FAILED.
 */
@Component
class ImportProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

    static final long CHUNK_RETRIES = 6;

    private static final RetryPolicy TRANSIENT_FAILURES = RetryPolicy.builder()
            .predicate(ImportProcessor::isTransient)
            .maxRetries(CHUNK_RETRIES)
            .delay(Duration.ofMillis(200))
            .multiplier(2)
            .maxDelay(Duration.ofSeconds(5))
            .build();

    /**
     * A lock wait timeout or a deadlock (transient: the starter translates MariaDB's error codes), a
     * lost connection, and a duplicate key: another writer created a ledger row this chunk read as
     * missing (see SupplierItems); written again, the chunk reads it and updates it.
     */
    static boolean isTransient(Throwable failure) {
        return failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof DuplicateKeyException
                || failure instanceof DataAccessResourceFailureException;
    }

    private final ImportJobs jobs;
    private final SupplierFormats formats;
    private final ChunkWriter writer;
    private final InboundProperties properties;
    private final RetryTemplate chunkWrites = new RetryTemplate(TRANSIENT_FAILURES);
    private final Counter chunkRetries;

    ImportProcessor(
            ImportJobs jobs,
            SupplierFormats formats,
            ChunkWriter writer,
            InboundProperties properties,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.formats = formats;
        this.writer = writer;
        this.properties = properties;
        this.chunkRetries = Counter.builder("bazaar.inbound.chunk.retries")
                .description("Import chunks written again after a transient database error")
                .register(meters);
    }

    void process(String importId) {
        ImportJob job = jobs.find(importId).orElse(null);
        if (job == null || job.status() == ImportStatus.COMPLETED || job.status() == ImportStatus.FAILED) {
            return;
        }
        Path spool = job.spoolPath() == null ? null : Path.of(job.spoolPath());
        if (spool == null || !Files.exists(spool)) {
            jobs.finish(importId, ImportStatus.FAILED, "The uploaded file was lost before processing; send it again.");
            return;
        }
        long started = System.nanoTime();
        try {
            jobs.markProcessing(importId);
            SupplierFormat format = formats.byName(job.format());
            boolean finished = processRows(job, format, spool);
            if (!finished) {
                log.info(
                        "Import {} interrupted; it resumes at row {} on the next start",
                        importId,
                        job.counts().rowsRead());
                return;
            }
            jobs.finish(importId, ImportStatus.COMPLETED, null);
            ImportCounts counts = jobs.find(importId).map(ImportJob::counts).orElse(ImportCounts.NONE);
            log.info("Import {} completed in {} ms: {}", importId, (System.nanoTime() - started) / 1_000_000, counts);
        } catch (Exception | StackOverflowError e) { // an import must end FAILED, never hang in PROCESSING
            if (Thread.currentThread().isInterrupted()) {
                log.info("Import {} stopped by shutdown; it resumes after its last committed chunk", importId);
                return;
            }
            log.error("Import {} failed", importId, e);
            jobs.finish(
                    importId,
                    ImportStatus.FAILED,
                    "Processing failed: " + e.getClass().getSimpleName()
                            + ". The rows counted so far were applied; send the file again to retry the rest.");
        }
        deleteQuietly(spool);
    }

    /** @return false when the worker was stopped between two chunks */
    private boolean processRows(ImportJob job, SupplierFormat format, Path spool) throws IOException {
        try (SupplierRows rows = format.open(spool, job.supplierId());
                ChunksAhead chunks = new ChunksAhead(
                        rows,
                        job.counts().rowsRead(),
                        properties.chunkRows(),
                        properties.chunkChars(),
                        Thread.currentThread().getName() + "-reader")) {
            var ledgerReads = new LedgerReads();
            List<SupplierRow> chunk;
            while ((chunk = chunks.next()) != null) {
                write(job.importId(), chunk, ledgerReads);
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether this import still reads the ledger before writing: not while every item so far was
     * new (a catalogue's first import, or new items added to it). The first chunk holding a known
     * item fails on its duplicate key; it is written again at once with the ledger read, and so is
     * every later chunk of the import. A re-sent catalogue thus costs one failed insert, usually
     * of its very first row.
     */
    private static final class LedgerReads {
        private boolean skipped = true;
    }

    private void write(String importId, List<SupplierRow> chunk, LedgerReads ledgerReads) {
        AtomicInteger attempt = new AtomicInteger();
        chunkWrites.invoke(() -> {
            if (attempt.incrementAndGet() > 1) {
                chunkRetries.increment();
                log.warn(
                        "Import {}: writing a chunk of {} rows again (attempt {}) after a transient database error",
                        importId,
                        chunk.size(),
                        attempt.get());
            }
            if (ledgerReads.skipped) {
                try {
                    return writer.write(importId, chunk, true);
                } catch (DuplicateKeyException knownItem) {
                    ledgerReads.skipped = false;
                    chunkRetries.increment();
                    log.debug("Import {}: the chunk holds known items; the ledger is read from now on", importId);
                }
            }
            return writer.write(importId, chunk, false);
        });
    }

    private static void deleteQuietly(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            log.warn("Could not delete spool file {}: {}", spool, e.toString());
        }
    }
}
