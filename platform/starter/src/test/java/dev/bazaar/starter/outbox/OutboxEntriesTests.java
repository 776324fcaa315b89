package dev.bazaar.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.starter.outbox.OutboxEntries.Encoded;
import dev.bazaar.starter.outbox.OutboxEntries.Entry;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxEntriesTests {

    @Test
    void readsBackWhatItWroteInOrder() {
        List<Entry> entries = List.of(
                entry(0, "item-0", "{\"title\":\"दीया “Diya”\"}"),
                entry(1, null, ""),
                entry(2, "item-2", "{\"emoji\":\"😀\"}"));

        List<Encoded> rows = OutboxEntries.encode(entries, BatchOutbox.MAX_ROW_BYTES);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).events()).isEqualTo(3);
        assertSame(OutboxEntries.decode(rows.get(0).content()), entries);
    }

    @Test
    void splitsIntoRowsOfAtMostTheGivenSizeAndAnOversizedEventGetsARowOfItsOwn() {
        List<Entry> entries = IntStream.range(0, 10)
                .mapToObj(i -> entry(i, "k" + i, "x".repeat(i == 4 ? 5_000 : 300)))
                .toList();

        List<Encoded> rows = OutboxEntries.encode(entries, 1_200);

        assertThat(rows)
                .allSatisfy(row -> assertThat(row.content().length <= 1_200 || row.events() == 1)
                        .isTrue());
        assertThat(rows.stream().mapToInt(Encoded::events).sum()).isEqualTo(10);
        assertThat(rows).anySatisfy(row -> assertThat(row.content().length).isGreaterThan(5_000));
        assertSame(
                rows.stream()
                        .flatMap(row -> OutboxEntries.decode(row.content()).stream())
                        .toList(),
                entries);
    }

    @Test
    void refusesARowCutShort() {
        byte[] content = OutboxEntries.encode(List.of(entry(0, "k", "{\"a\":1}")), 1_000)
                .get(0)
                .content();

        assertThatThrownBy(() -> OutboxEntries.decode(Arrays.copyOf(content, content.length - 2)))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static Entry entry(int i, String key, String payload) {
        return new Entry(
                "inventory.stock.v1",
                key,
                "00000000-0000-0000-0000-00000000000" + i,
                "dev.bazaar.StockChanged",
                "2026-12-02T11:30:00.12345Z",
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Records compare arrays by identity: payloads are compared by content. */
    private static void assertSame(List<Entry> actual, List<Entry> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).usingRecursiveComparison().isEqualTo(expected.get(i));
        }
    }
}
