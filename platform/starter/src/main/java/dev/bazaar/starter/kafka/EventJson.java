package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event's JSON built around the JSON of its last component, when that part is at hand already
 * serialized (an item's JSON kept for a ledger, or as it was received): serializing each item a
 * second time for its event was a third of a service's CPU in a catalogue import.
 */
public final class EventJson {

    private static final byte[] NULL_END = "null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int UUID_LENGTH = 36;

    /**
     * The JSON of events that differ from {@code envelope} only in their id and their last
     * component, {@code lastComponent}, which is null in {@code envelope}: a bulk of events that
     * share a time and a cause is written by Jackson once, not once per event.
     *
     * @throws IllegalStateException if {@code lastComponent} is not the envelope's last property, or
     *         the envelope's id is not written exactly once as a JSON string
     */
    public static Template template(JsonMapper json, IntegrationEvent envelope, String lastComponent) {
        byte[] written = json.writeValueAsBytes(envelope);
        byte[] end = ("\"" + lastComponent + "\":null}").getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(written, written.length - end.length, written.length, end, 0, end.length)) {
            throw new IllegalStateException(envelope.getClass().getSimpleName() + " no longer ends with its "
                    + lastComponent + ": " + new String(written, StandardCharsets.UTF_8));
        }
        byte[] id = ("\"" + envelope.eventId() + "\"").getBytes(StandardCharsets.US_ASCII);
        int idAt = indexOf(written, id, 0);
        if (idAt < 0 || indexOf(written, id, idAt + 1) >= 0) {
            throw new IllegalStateException(envelope.getClass().getSimpleName() + " does not write its id once: "
                    + new String(written, StandardCharsets.UTF_8));
        }
        return new Template(written, idAt + 1);
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** See {@link #template}. */
    public static final class Template {

        /** Up to the event id's text. */
        private final byte[] head;
        /** From after the event id's text up to the last component's value. */
        private final byte[] middle;

        /** @param idAt where the id's text starts in {@code written} */
        private Template(byte[] written, int idAt) {
            this.head = Arrays.copyOf(written, idAt);
            this.middle = Arrays.copyOfRange(written, idAt + UUID_LENGTH, written.length - NULL_END.length);
        }

        /** The event with {@code eventId} and the last component {@code componentJson}. */
        public byte[] build(UUID eventId, byte[] componentJson) {
            byte[] event = new byte[head.length + UUID_LENGTH + middle.length + componentJson.length + 1];
            System.arraycopy(head, 0, event, 0, head.length);
            writeUuid(eventId, event, head.length);
            int at = head.length + UUID_LENGTH;
            System.arraycopy(middle, 0, event, at, middle.length);
            at += middle.length;
            System.arraycopy(componentJson, 0, event, at, componentJson.length);
            event[event.length - 1] = '}';
            return event;
        }
    }

    /** {@link UUID#toString()} as ASCII bytes, written in place. */
    private static void writeUuid(UUID id, byte[] to, int at) {
        hex(id.getMostSignificantBits() >>> 32, 8, to, at);
        to[at + 8] = '-';
        hex(id.getMostSignificantBits() >>> 16, 4, to, at + 9);
        to[at + 13] = '-';
        hex(id.getMostSignificantBits(), 4, to, at + 14);
        to[at + 18] = '-';
        hex(id.getLeastSignificantBits() >>> 48, 4, to, at + 19);
        to[at + 23] = '-';
        hex(id.getLeastSignificantBits(), 12, to, at + 24);
    }

    /** The low {@code digits} hex digits of {@code value}. */
    private static void hex(long value, int digits, byte[] to, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            to[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    private EventJson() {}
}
