package dev.bazaar.contracts.kafka;

import dev.bazaar.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka protocol binding (binary mode): event metadata travels in {@code ce_*}
 * headers and the record value is the event itself as JSON. Header values are raw UTF-8 bytes so
 * any consumer (Spark, a shell tool) can read them without Spring's type information. It lives in
 * contracts, beside the records, because the headers are part of every event's contract: the
 * starter publishes and reads with it, and test support (platform/testing, which the starter's tests
 * use) sends events with the same headers.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    // Shared by every record: Kafka only reads header values.
    private static final byte[] SPEC_VERSION_1_0 = bytes("1.0");
    private static final byte[] APPLICATION_JSON = bytes("application/json");

    private record FormattedTime(Instant instant, String text) {}

    private static volatile FormattedTime lastTime = new FormattedTime(Instant.EPOCH, Instant.EPOCH.toString());

    public static Map<String, Object> of(IntegrationEvent event, String source) {
        return of(event.eventId().toString(), event.type(), source, time(event.occurredAt()));
    }

    /**
     * {@code ce_time}: the instant in ISO-8601 ({@link Instant#toString()}). The last one is kept,
     * because the events of a bulk share their time: formatting it for each of them was 4 % of
     * item-service's CPU in a catalogue import.
     */
    public static String time(Instant occurredAt) {
        FormattedTime last = lastTime;
        if (last.instant().equals(occurredAt)) {
            return last.text();
        }
        String text = occurredAt.toString();
        lastTime = new FormattedTime(occurredAt, text);
        return text;
    }

    /** The headers from values stored earlier, e.g. by the batch outbox. */
    public static Map<String, Object> of(String eventId, String type, String source, String time) {
        return Map.of(
                ID, bytes(eventId),
                TYPE, bytes(type),
                SOURCE, bytes(source),
                TIME, bytes(time),
                SPEC_VERSION, SPEC_VERSION_1_0,
                CONTENT_TYPE, APPLICATION_JSON);
    }

    /**
     * A record in binary mode: the event's JSON as its value, the metadata as {@code ce_*} headers
     * (those of {@link #of(String, String, String, String)}, added without building its map: this
     * runs for every event of a bulk).
     */
    public static ProducerRecord<String, byte[]> record(
            String topic, String key, byte[] json, String eventId, String type, String source, String time) {
        var record = new ProducerRecord<String, byte[]>(topic, key, json);
        Headers headers = record.headers();
        headers.add(ID, bytes(eventId));
        headers.add(TYPE, bytes(type));
        headers.add(SOURCE, bytes(source));
        headers.add(TIME, bytes(time));
        headers.add(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.add(CONTENT_TYPE, APPLICATION_JSON);
        return record;
    }

    /** The event id of a received record, if its producer followed the binding. */
    public static Optional<UUID> eventId(Headers headers) {
        return value(headers, ID).map(UUID::fromString);
    }

    public static Optional<String> value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The {@code ce_source} of a service: a URI reference naming it. */
    public static String sourceOf(String applicationName) {
        return "/bazaar/" + applicationName;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private CloudEventHeaders() {}
}
