package dev.bazaar.contracts.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The one CSV reader of the platform: streaming RFC 4180, so quoted fields may hold commas, doubled
 * quotes and line breaks, and records end with CRLF, LF or a lone CR. A UTF-8 byte order mark before
 * the first record is dropped. Leniencies, because suppliers' spreadsheets produce them: a stray
 * quote inside an unquoted field is kept as text, and a quote left open at the end of the input is
 * reported on its record instead of failing the read.
 *
 * <p>Each field keeps at most {@code maxFieldChars} characters; a longer one is flagged as oversized
 * and the rest of it is read past, so one 10 MB cell neither fills the heap nor breaks the following
 * records. Records are read one at a time from a 64 KB buffer: a file of hundreds of MB is never held
 * whole.
 */
public final class CsvReader implements Closeable {

    /**
     * One record. {@code number} counts records from 0 (the header, where there is one), so data rows
     * count from 1, as error messages name them; an empty line is a record of one empty field.
     */
    public record Record(long number, List<String> fields, BitSet oversized, boolean unterminatedQuote) {

        /** Every field blank and none oversized: an empty line or a row of bare commas. */
        public boolean isBlank() {
            return oversized.isEmpty() && fields.stream().allMatch(String::isBlank);
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final int maxFieldChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long recordNumber = -1;
    private final StringBuilder field = new StringBuilder();
    private boolean fieldOversized;
    private boolean unterminatedQuote;

    /** A reader whose fields have no length limit (input the caller already bounds). */
    public CsvReader(Reader in) {
        this(in, Integer.MAX_VALUE);
    }

    public CsvReader(Reader in, int maxFieldChars) {
        this.in = in;
        this.maxFieldChars = maxFieldChars;
    }

    /**
     * A UTF-8 file. Malformed bytes become U+FFFD instead of failing the whole read on one bad byte
     * ({@link InputStreamReader} replaces, {@code Files.newBufferedReader} would throw).
     */
    public static CsvReader open(Path file, int maxFieldChars) throws IOException {
        return new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), maxFieldChars);
    }

    /** The next record, or {@code null} at the end of the input. */
    public Record read() throws IOException {
        int c = next();
        if (c == EOF) {
            return null;
        }
        if (recordNumber == -1 && c == '\uFEFF') {
            c = next();
            if (c == EOF) {
                return null;
            }
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        BitSet oversized = new BitSet();
        boolean unterminated = false;
        while (true) {
            field.setLength(0);
            fieldOversized = false;
            if (c == '"') {
                c = readQuoted();
                if (c == EOF && unterminatedQuote) {
                    unterminated = true;
                }
            }
            while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                append(c);
                c = next();
            }
            if (fieldOversized) {
                oversized.set(fields.size());
            }
            fields.add(field.toString());
            if (c == ',') {
                c = next();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                next();
            }
            return new Record(recordNumber, fields, oversized, unterminated);
        }
    }

    /**
     * Reads a quoted field's content after its opening quote; returns the first character after the
     * closing quote. The text between quotes is copied a run at a time: appended character by
     * character it was a sixth of inbound-service's CPU in an import (descriptions are long).
     */
    private int readQuoted() throws IOException {
        unterminatedQuote = false;
        while (true) {
            if (position == limit && !fill()) {
                unterminatedQuote = true;
                return EOF;
            }
            int start = position;
            while (position < limit && buffer[position] != '"') {
                position++;
            }
            appendRun(start, position);
            if (position == limit) {
                continue; // the buffer ended inside the field
            }
            position++; // the quote
            if (peek() == '"') {
                next();
                append('"');
            } else {
                return next();
            }
        }
    }

    private void append(int c) {
        if (field.length() < maxFieldChars) {
            field.append((char) c);
        } else {
            fieldOversized = true;
        }
    }

    /** {@link #append} of {@code buffer[from, to)}, at once. */
    private void appendRun(int from, int to) {
        int room = maxFieldChars - field.length();
        int length = to - from;
        field.append(buffer, from, Math.min(length, room));
        if (length > room) {
            fieldOversized = true;
        }
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
