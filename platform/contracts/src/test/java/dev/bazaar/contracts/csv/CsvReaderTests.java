package dev.bazaar.contracts.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 4180 as the callers rely on it (inbound's supplier files, serviceability's network uploads, the
 * test fixtures), and the reader's own promises: the same fields wherever the input is cut, oversized
 * cells flagged without breaking the next record, an open quote reported, record numbers.
 */
class CsvReaderTests {

    private static final String CSV = "id,title,description\r\n"
            + "1,\"Kurta, cotton\",\"Says \"\"hello\"\"\nacross lines\"\n"
            + "2,plain,\"\"\n"
            + "3,\"a\"\"\",\"ends with a quote \"\"\"\"\"\n";

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        assertThat(fields(CSV))
                .containsExactly(
                        List.of("id", "title", "description"),
                        List.of("1", "Kurta, cotton", "Says \"hello\"\nacross lines"),
                        List.of("2", "plain", ""),
                        List.of("3", "a\"", "ends with a quote \"\""));
    }

    @Test
    void quotedFieldsReadTheSameWhereverTheInputIsCut() throws IOException {
        List<List<String>> whole = fields(CSV);
        for (int chunk = 1; chunk <= 9; chunk++) {
            assertThat(fields(new CsvReader(trickling(CSV, chunk))))
                    .as("read %d chars at a time", chunk)
                    .isEqualTo(whole);
        }
    }

    @Test
    void recordsEndWithCrLfLfOrALoneCrAndTheLastLineBreakIsOptional() throws IOException {
        List<List<String>> expected = List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
        assertThat(fields("a,b\r\n1,2\r\n3,4\r\n")).isEqualTo(expected);
        assertThat(fields("a,b\n1,2\n3,4\n")).isEqualTo(expected);
        assertThat(fields("a,b\r1,2\r3,4")).isEqualTo(expected);
        assertThat(fields("a,b\r\n1,2\n3,4")).isEqualTo(expected);
    }

    @Test
    void aLineBreakInsideQuotesIsKeptAsWritten() throws IOException {
        assertThat(fields("\"one\r\ntwo\",\"three\rfour\"\r\nx,y\r\n"))
                .containsExactly(List.of("one\r\ntwo", "three\rfour"), List.of("x", "y"));
    }

    @Test
    void emptyFieldsAndEmptyLinesAreRecordsOfEmptyFields() throws IOException {
        try (CsvReader reader = new CsvReader(new StringReader("a,,c,\n\n,,\n\"\"\n"))) {
            assertThat(reader.read().fields()).containsExactly("a", "", "c", "");
            CsvReader.Record emptyLine = reader.read();
            assertThat(emptyLine.fields()).containsExactly("");
            assertThat(emptyLine.isBlank()).isTrue();
            CsvReader.Record commas = reader.read();
            assertThat(commas.fields()).containsExactly("", "", "");
            assertThat(commas.isBlank()).isTrue();
            assertThat(reader.read().fields()).containsExactly("");
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void spacesAroundFieldsArePartOfTheField() throws IOException {
        assertThat(fields(" a , b \n")).containsExactly(List.of(" a ", " b "));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRecordIsDroppedAndOnlyThere() throws IOException {
        assertThat(fields("\uFEFFpincode,state\n\uFEFFx,y\n"))
                .containsExactly(List.of("pincode", "state"), List.of("\uFEFFx", "y"));
        assertThat(fields("\uFEFF\"quoted\",b\n")).containsExactly(List.of("quoted", "b"));
        assertThat(fields("\uFEFF")).isEmpty();
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertThat(fields("")).isEmpty();
    }

    @Test
    void recordsAreNumberedFromTheHeaderAtZeroWhateverTheirLineCount() throws IOException {
        try (CsvReader reader = new CsvReader(new StringReader("h1,h2\n\"multi\nline\",x\n\nlast,row"))) {
            List<Long> numbers = new ArrayList<>();
            for (CsvReader.Record record = reader.read(); record != null; record = reader.read()) {
                numbers.add(record.number());
            }
            assertThat(numbers).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    @Test
    void aStrayQuoteInAnUnquotedFieldIsTextAndTextAfterAClosingQuoteIsKept() throws IOException {
        assertThat(fields("5\" screen,\"ab\"cd,x\n")).containsExactly(List.of("5\" screen", "abcd", "x"));
    }

    @Test
    void aFieldLongerThanTheLimitIsFlaggedAndTheRowsAfterItStillRead() throws IOException {
        String csv = "a,b\n\"" + "x".repeat(50) + "\",short\n" + "y".repeat(50) + ",plain\nnext,row\n";
        for (int chunk : new int[] {3, 7, 64 * 1024}) {
            var reader = new CsvReader(trickling(csv, chunk), 10);
            reader.read();
            CsvReader.Record quoted = reader.read();
            assertThat(quoted.fields()).containsExactly("x".repeat(10), "short");
            assertThat(quoted.oversized().stream().boxed().toList()).containsExactly(0);
            assertThat(quoted.isBlank()).isFalse();
            CsvReader.Record unquoted = reader.read();
            assertThat(unquoted.fields()).containsExactly("y".repeat(10), "plain");
            assertThat(unquoted.oversized().stream().boxed().toList()).containsExactly(0);
            CsvReader.Record next = reader.read();
            assertThat(next.fields()).containsExactly("next", "row");
            assertThat(next.oversized().isEmpty()).isTrue();
        }
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsReported() throws IOException {
        var reader = new CsvReader(trickling("a,b\n1,\"never closed\nstill inside", 4), 1_000);
        assertThat(reader.read().unterminatedQuote()).isFalse();
        CsvReader.Record row = reader.read();
        assertThat(row.unterminatedQuote()).isTrue();
        assertThat(row.fields()).containsExactly("1", "never closed\nstill inside");
        assertThat(reader.read()).isNull();
    }

    @Test
    void aFileIsReadAsUtf8WithMalformedBytesReplaced(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.csv");
        byte[] text = "name,city\nAnanya,Bengaluru ₹\nbad,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 1];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xC3; // a two-byte sequence cut off
        Files.write(file, bytes);
        try (CsvReader reader = CsvReader.open(file, 100)) {
            assertThat(fields(reader))
                    .containsExactly(
                            List.of("name", "city"), List.of("Ananya", "Bengaluru ₹"), List.of("bad", "\uFFFD"));
        }
    }

    private static List<List<String>> fields(String csv) throws IOException {
        return fields(new CsvReader(new StringReader(csv)));
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
