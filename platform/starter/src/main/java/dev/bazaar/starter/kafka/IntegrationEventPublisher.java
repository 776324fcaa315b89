package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.tracing.Traces;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an event straight to Kafka, for services without a relational outbox (Mongo,
 * Elasticsearch). Services on MariaDB publish through the outbox instead (publish the event as a
 * Spring application event inside the transaction), so a rollback never leaks an event.
 *
 * <p>The record is built here, as the outbox relay builds its records: the value is the event as
 * JSON, the metadata are CloudEvents headers. Going through Spring's message conversion instead
 * cost as much CPU as the send itself (JSON header mapping, type headers).
 */
public class IntegrationEventPublisher {

    private final KafkaOperations<String, byte[]> traced;
    private final KafkaOperations<String, byte[]> bulk;
    private final JsonMapper json;
    private final TopicNames topics;
    private final String source;
    private final Traces traces;

    public IntegrationEventPublisher(
            KafkaTemplate<String, byte[]> kafka, JsonMapper json, TopicNames topics, String source, Traces traces) {
        this.traced = kafka;
        this.bulk = BulkKafkaTemplates.sharing(kafka);
        this.json = json;
        this.topics = topics;
        this.source = source;
        this.traces = traces;
    }

    /**
     * Completes when the broker acknowledged the record (acks=all), or fails with the cause. The
     * send is observed: it carries the current trace to consumers and is timed.
     */
    public CompletableFuture<SendResult<String, byte[]>> publish(IntegrationEvent event) {
        return traced.send(record(event));
    }

    /**
     * The same for high-volume streams sent outside any request (a catalogue import's thousands of
     * events): no span or timer per record, which cost several times the send itself. Callers
     * count what they send. The record carries the current span's {@code traceparent} (a batch
     * listener's span, see {@code BatchListenerSpans}), so the trace goes on to the consumers.
     */
    public CompletableFuture<SendResult<String, byte[]>> publishInBulk(IntegrationEvent event) {
        return publishInBulk(event, json.writeValueAsBytes(event));
    }

    /** {@link #publishInBulk(IntegrationEvent)} with the event's JSON already written (see {@link EventJson}). */
    public CompletableFuture<SendResult<String, byte[]>> publishInBulk(IntegrationEvent event, byte[] eventJson) {
        ProducerRecord<String, byte[]> record = record(event, eventJson);
        byte[] traceparent = traces.current();
        if (traceparent != null) {
            record.headers().add(Traces.TRACEPARENT, traceparent);
        }
        return bulk.send(record);
    }

    private ProducerRecord<String, byte[]> record(IntegrationEvent event) {
        return record(event, json.writeValueAsBytes(event));
    }

    private ProducerRecord<String, byte[]> record(IntegrationEvent event, byte[] eventJson) {
        return CloudEventHeaders.record(
                topics.resolve(event.topic()),
                event.key(),
                eventJson,
                event.eventId().toString(),
                event.type(),
                source,
                CloudEventHeaders.time(event.occurredAt()));
    }
}
