package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.translation.SupplierFormat;
import dev.bazaar.inbound.translation.SupplierRow;
import dev.bazaar.inbound.translation.SupplierRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one spooled import: reads translated rows and writes them in chunks
 * ({@code chunk-rows} rows or {@code chunk-chars} characters, whichever comes first). A job that
 * was interrupted resumes after its last committed chunk, because the rows-read counter commits
 * with each chunk.
 */
@Component
class ImportProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

    private final ImportJobs jobs;
    private final SupplierFormats formats;
    private final ChunkWriter writer;
    private final InboundProperties properties;

    ImportProcessor(ImportJobs jobs, SupplierFormats formats, ChunkWriter writer, InboundProperties properties) {
        this.jobs = jobs;
        this.formats = formats;
        this.writer = writer;
        this.properties = properties;
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
                log.info("Import {} interrupted; it resumes at row {} on the next start", importId, job.counts().rowsRead());
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
            jobs.finish(importId, ImportStatus.FAILED, "Processing failed: " + e.getClass().getSimpleName()
                    + ". The rows counted so far were applied; send the file again to retry the rest.");
        }
        deleteQuietly(spool);
    }

    /** @return false when the worker was stopped between two chunks */
    private boolean processRows(ImportJob job, SupplierFormat format, Path spool) throws IOException {
        try (SupplierRows rows = format.open(spool, job.supplierId())) {
            for (long skip = job.counts().rowsRead(); skip > 0 && rows.next() != null; skip--) {
                // already committed before an interruption
            }
            List<SupplierRow> chunk = new ArrayList<>(properties.chunkRows());
            long chars = 0;
            SupplierRow row;
            while ((row = rows.next()) != null) {
                chunk.add(row);
                chars += row.weight();
                if (chunk.size() >= properties.chunkRows() || chars >= properties.chunkChars()) {
                    writer.write(job.importId(), chunk);
                    chunk.clear();
                    chars = 0;
                    if (Thread.currentThread().isInterrupted()) {
                        return false;
                    }
                }
            }
            if (!chunk.isEmpty()) {
                writer.write(job.importId(), chunk);
            }
            return true;
        }
    }

    private static void deleteQuietly(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            log.warn("Could not delete spool file {}: {}", spool, e.toString());
        }
    }
}
