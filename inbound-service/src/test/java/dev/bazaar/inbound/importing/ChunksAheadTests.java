package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.inbound.translation.RowFault;
import dev.bazaar.inbound.translation.SupplierRow;
import dev.bazaar.inbound.translation.SupplierRows;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ChunksAheadTests {

    @Test
    void chunksEndAtTheRowLimitAndTheLastOneHoldsTheRest() throws Exception {
        try (var chunks = new ChunksAhead(rows(7, null), 0, 3, Long.MAX_VALUE, "test-reader")) {
            assertThat(numbers(drain(chunks))).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
            assertThat(chunks.next()).isNull();
        }
    }

    @Test
    void aChunkAlsoEndsWhenItsRowsReachTheCharacterLimit() throws Exception {
        // Rejected rows weigh 1 character each: a limit of 2 characters makes chunks of 2 rows.
        try (var chunks = new ChunksAhead(rows(5, null), 0, 100, 2, "test-reader")) {
            assertThat(numbers(drain(chunks))).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        }
    }

    @Test
    void rowsCommittedBeforeAnInterruptionAreSkipped() throws Exception {
        try (var chunks = new ChunksAhead(rows(5, null), 3, 10, Long.MAX_VALUE, "test-reader")) {
            assertThat(numbers(drain(chunks))).containsExactly(List.of(4L, 5L));
        }
    }

    @Test
    void whatStopsTheReaderReachesTheWriterAfterTheChunksHandedOverBeforeIt() throws Exception {
        try (var chunks = new ChunksAhead(rows(5, new IOException("disk gone")), 0, 2, Long.MAX_VALUE, "test-reader")) {
            List<List<Long>> before = new ArrayList<>();
            assertThatThrownBy(() -> {
                        List<SupplierRow> chunk;
                        while ((chunk = chunks.next()) != null) {
                            before.add(numbers(List.of(chunk)).get(0));
                        }
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessage("disk gone");
            assertThat(before).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
        }
    }

    @Test
    void aTranslationFailureIsRethrownAsItWas() {
        try (var chunks =
                new ChunksAhead(rows(3, new IllegalStateException("bad row")), 0, 100, Long.MAX_VALUE, "test-reader")) {
            assertThatThrownBy(chunks::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("bad row");
        }
    }

    @Test
    void readsAtMostTwoChunksAheadAndClosingStopsTheReader() throws Exception {
        AtomicLong read = new AtomicLong();
        AtomicBoolean closed = new AtomicBoolean();
        SupplierRows endless = new SupplierRows() {
            @Override
            public SupplierRow next() {
                return rejected(read.incrementAndGet());
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        var chunks = new ChunksAhead(endless, 0, 10, Long.MAX_VALUE, "test-reader");
        assertThat(chunks.next()).hasSize(10);

        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("test-reader"))
                .findFirst()
                .orElseThrow();
        // The reader stops by itself: it waits (parked, handing a chunk over) once it has read 40 rows. Nothing else
        // holds the queue's lock now, so a waiting reader is one the full queue refused. An unbounded one never waits.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> reader.getState() == Thread.State.WAITING && read.get() >= 40);
        // The chunk taken, two waiting, one filled when the queue refused it: exactly 40 rows, not one more.
        assertThat(read.get()).isEqualTo(40);

        chunks.close();
        reader.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(reader.isAlive()).isFalse();
        assertThat(closed).isFalse(); // the rows belong to the caller, who closes them
    }

    private static SupplierRows rows(int count, Exception failureAtEnd) {
        return new SupplierRows() {
            private long number;

            @Override
            public SupplierRow next() throws IOException {
                if (number == count) {
                    if (failureAtEnd instanceof IOException io) {
                        throw io;
                    }
                    if (failureAtEnd instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    return null;
                }
                return rejected(++number);
            }

            @Override
            public void close() {}
        };
    }

    private static SupplierRow rejected(long number) {
        return new SupplierRow.Rejected(number, List.of(new RowFault("price", "missing")));
    }

    private static List<List<SupplierRow>> drain(ChunksAhead chunks) throws Exception {
        List<List<SupplierRow>> all = new ArrayList<>();
        List<SupplierRow> chunk;
        while ((chunk = chunks.next()) != null) {
            all.add(chunk);
        }
        return all;
    }

    private static List<List<Long>> numbers(List<List<SupplierRow>> chunks) {
        return chunks.stream()
                .map(chunk -> chunk.stream().map(SupplierRow::rowNumber).toList())
                .toList();
    }
}
