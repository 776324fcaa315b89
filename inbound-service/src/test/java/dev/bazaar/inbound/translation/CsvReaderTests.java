package dev.bazaar.inbound.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted fields are copied a run at a time: runs cut by the reader's buffer must read as one field. */
class CsvReaderTests {

    private static final String CSV = "id,title,description\r\n"
            + "1,\"Kurta, cotton\",\"Says \"\"hello\"\"\nacross lines\"\n"
            + "2,plain,\"\"\n"
            + "3,\"a\"\"\",\"ends with a quote \"\"\"\"\"\n";

    @Test
    void quotedFieldsReadTheSameWhereverTheInputIsCut() throws IOException {
        List<List<String>> whole = fields(new CsvReader(new StringReader(CSV), 1_000));
        assertThat(whole).containsExactly(
                List.of("id", "title", "description"),
                List.of("1", "Kurta, cotton", "Says \"hello\"\nacross lines"),
                List.of("2", "plain", ""),
                List.of("3", "a\"", "ends with a quote \"\""));
        for (int chunk = 1; chunk <= 9; chunk++) {
            assertThat(fields(new CsvReader(trickling(CSV, chunk), 1_000))).as("read %d chars at a time", chunk)
                    .isEqualTo(whole);
        }
    }

    @Test
    void aFieldLongerThanTheLimitIsFlaggedAndTheRowsAfterItStillRead() throws IOException {
        String csv = "a,b\n\"" + "x".repeat(50) + "\",short\nnext,row\n";
        for (int chunk : new int[] { 3, 7, 64 * 1024 }) {
            var reader = new CsvReader(trickling(csv, chunk), 10);
            reader.read();
            CsvReader.Record row = reader.read();
            assertThat(row.fields()).containsExactly("x".repeat(10), "short");
            assertThat(row.oversized().stream().boxed().toList()).containsExactly(0);
            assertThat(reader.read().fields()).containsExactly("next", "row");
        }
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsReported() throws IOException {
        var reader = new CsvReader(trickling("a,b\n1,\"never closed\nstill inside", 4), 1_000);
        reader.read();
        CsvReader.Record row = reader.read();
        assertThat(row.unterminatedQuote()).isTrue();
        assertThat(row.fields()).containsExactly("1", "never closed\nstill inside");
    }

    private static List<List<String>> fields(CsvReader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CsvReader.Record record = reader.read(); record != null; record = reader.read()) {
            rows.add(record.fields());
        }
        return rows;
    }

    /** A reader that hands out at most {@code chunk} characters per read. */
    private static Reader trickling(String text, int chunk) {
        return new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }
}
