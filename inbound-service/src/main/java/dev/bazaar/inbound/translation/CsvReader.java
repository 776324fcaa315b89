package dev.bazaar.inbound.translation;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. Each
 * field keeps at most {@code maxFieldChars} characters; a longer one is flagged as oversized and the
 * rest of it is read past, so one 10 MB cell neither fills the heap nor breaks the following rows.
 * A stray quote inside an unquoted field is kept as text (suppliers' spreadsheets do that).
 */
final class CsvReader implements Closeable {

    record Record(long number, List<String> fields, BitSet oversized, boolean unterminatedQuote) {

        boolean isBlank() {
            return oversized.isEmpty() && fields.stream().allMatch(String::isBlank);
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final int maxFieldChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long recordNumber = -1; // the header is record 0, data rows count from 1
    private final StringBuilder field = new StringBuilder();
    private boolean fieldOversized;

    CsvReader(Reader in, int maxFieldChars) {
        this.in = in;
        this.maxFieldChars = maxFieldChars;
    }

    /** The next record, or {@code null} at the end of the input. */
    Record read() throws IOException {
        int c = next();
        if (c == EOF) {
            return null;
        }
        if (recordNumber == -1 && c == '\uFEFF') { // a UTF-8 byte order mark before the header
            c = next();
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

    private boolean unterminatedQuote;

    /**
     * Reads a quoted field's content after its opening quote; returns the first character after the
     * closing quote. The text between quotes is copied a run at a time: appended character by
     * character it was a sixth of this service's CPU in an import (descriptions are long).
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
