package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.translation.SupplierRow;
import dev.bazaar.inbound.translation.SupplierRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The chunks of a spooled file, read and translated on a thread of their own while the writer
 * commits the chunk before: a chunk's transaction mostly waits for MariaDB, and reading and
 * translating the next one (CSV parsing, specifications, about a third of this service's CPU in
 * an import) fits in that wait. At most {@value #CHUNKS_AHEAD} chunks wait, so memory stays
 * bounded whatever the size of the file.
 *
 * <p>A chunk ends after {@code chunkRows} rows or {@code chunkChars} characters, whichever comes
 * first. Reading ahead changes nothing of the resume point: that is the rows-read counter the
 * writer commits with each chunk.
 */
final class ChunksAhead implements AutoCloseable {

    private static final int CHUNKS_AHEAD = 2;

    /** What the reader hands over: a chunk, the end of the file, or why it stopped. */
    private sealed interface Handover {}

    private record Chunk(List<SupplierRow> rows) implements Handover {}

    private record End() implements Handover {}

    private record Failure(Throwable cause) implements Handover {}

    private final BlockingQueue<Handover> ready = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private boolean ended;

    /** Starts reading after the first {@code skip} rows (committed before an interruption). */
    ChunksAhead(SupplierRows rows, long skip, int chunkRows, long chunkChars, String threadName) {
        this.reader = new Thread(() -> read(rows, skip, chunkRows, chunkChars), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The next chunk, or {@code null} after the last one. Rethrows what stopped the reader.
     *
     * @throws InterruptedException when the calling worker is interrupted (shutdown) while it waits
     */
    List<SupplierRow> next() throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        Handover handover = ready.take();
        if (handover instanceof Chunk chunk) {
            return chunk.rows();
        }
        ended = true;
        if (handover instanceof Failure failure) {
            throw rethrown(failure.cause());
        }
        return null;
    }

    /** Stops the reader if it is still going (the writer failed or was interrupted) and waits for it. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(SupplierRows rows, long skip, int chunkRows, long chunkChars) {
        try {
            for (long left = skip; left > 0 && rows.next() != null; left--) {
                // already committed before an interruption
            }
            List<SupplierRow> chunk = new ArrayList<>(chunkRows);
            long chars = 0;
            SupplierRow row;
            while ((row = rows.next()) != null) {
                chunk.add(row);
                chars += row.weight();
                if (chunk.size() >= chunkRows || chars >= chunkChars) {
                    ready.put(new Chunk(chunk));
                    chunk = new ArrayList<>(chunkRows);
                    chars = 0;
                }
            }
            if (!chunk.isEmpty()) {
                ready.put(new Chunk(chunk));
            }
            ready.put(new End());
        } catch (InterruptedException e) {
            // closed by the writer: nobody waits for more
        } catch (Exception
                | StackOverflowError e) { // a row the translation cannot take fails the import, never hangs it
            try {
                ready.put(new Failure(e));
            } catch (InterruptedException closed) {
                // the writer stopped first: nobody waits for the failure
            }
        }
    }

    private static RuntimeException rethrown(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return (RuntimeException) cause;
    }
}
