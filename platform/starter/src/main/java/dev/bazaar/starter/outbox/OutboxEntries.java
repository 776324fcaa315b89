package dev.bazaar.starter.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one {@code bazaar_outbox_batch} row, framed one after the other: topic, key (or
 * none), event id, type and time as length-prefixed UTF-8, then the payload's length and bytes.
 */
final class OutboxEntries {

    /** One event as the relay sends it. */
    record Entry(String topic, String key, String eventId, String type, String time, byte[] payload) {}

    /** A row's content and how many events it holds. */
    record Encoded(int events, byte[] content) {}

    /** Per event, besides its payload: the five short strings and the lengths. */
    private static final int FRAMING_BYTES = 200;

    /**
     * The entries framed into rows of at most {@code maxBytes} each (a single larger event gets a
     * row of its own), in order.
     */
    static List<Encoded> encode(List<Entry> entries, int maxBytes) {
        List<Encoded> rows = new ArrayList<>();
        int from = 0;
        while (from < entries.size()) {
            int to = from;
            long bytes = 0;
            do {
                bytes += FRAMING_BYTES + entries.get(to).payload().length;
                to++;
            } while (to < entries.size()
                    && bytes + FRAMING_BYTES + entries.get(to).payload().length <= maxBytes);
            rows.add(new Encoded(to - from, frame(entries.subList(from, to), (int) Math.min(bytes, maxBytes))));
            from = to;
        }
        return rows;
    }

    private static byte[] frame(List<Entry> entries, int sizeHint) {
        var bytes = new ByteArrayOutputStream(sizeHint);
        try (var out = new DataOutputStream(bytes)) {
            for (Entry entry : entries) {
                out.writeUTF(entry.topic());
                out.writeBoolean(entry.key() != null);
                if (entry.key() != null) {
                    out.writeUTF(entry.key());
                }
                out.writeUTF(entry.eventId());
                out.writeUTF(entry.type());
                out.writeUTF(entry.time());
                out.writeInt(entry.payload().length);
                out.write(entry.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    static List<Entry> decode(byte[] content) {
        List<Entry> entries = new ArrayList<>();
        try (var in = new DataInputStream(new ByteArrayInputStream(content))) {
            while (in.available() > 0) {
                String topic = in.readUTF();
                String key = in.readBoolean() ? in.readUTF() : null;
                String eventId = in.readUTF();
                String type = in.readUTF();
                String time = in.readUTF();
                int length = in.readInt();
                byte[] payload = in.readNBytes(length);
                if (payload.length != length) {
                    throw new IOException("a payload of " + length + " bytes ends after " + payload.length);
                }
                entries.add(new Entry(topic, key, eventId, type, time, payload));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a bazaar_outbox_batch row that is not framed as written", e);
        }
        return entries;
    }

    private OutboxEntries() {}
}
