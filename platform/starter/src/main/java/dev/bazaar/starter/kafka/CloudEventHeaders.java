package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The CloudEvents Kafka protocol binding (binary mode): event metadata travels in {@code ce_*}
 * headers and the record value is the event itself as JSON. Header values are raw UTF-8 bytes so
 * any consumer (Spark, a shell tool) can read them without Spring's type information.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static Map<String, Object> of(IntegrationEvent event, String source) {
        return of(event.eventId().toString(), event.type(), source, event.occurredAt().toString());
    }

    /** The headers from values stored earlier, e.g. by the batch outbox. */
    public static Map<String, Object> of(String eventId, String type, String source, String time) {
        return Map.of(
                ID, bytes(eventId),
                TYPE, bytes(type),
                SOURCE, bytes(source),
                TIME, bytes(time),
                SPEC_VERSION, bytes("1.0"),
                CONTENT_TYPE, bytes("application/json"));
    }

    /** A record in binary mode: the event's JSON as its value, the metadata as {@code ce_*} headers. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, byte[] json, String eventId,
            String type, String source, String time) {
        var record = new ProducerRecord<String, byte[]>(topic, key, json);
        of(eventId, type, source, time)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, (byte[]) value)));
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

    private CloudEventHeaders() {
    }
}
