package dev.bazaar.starter.outbox;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.starter.kafka.CloudEventHeaders;
import dev.bazaar.starter.kafka.TopicNames;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox for high-volume streams, such as a catalogue import that publishes
 * thousands of events per transaction. Events are written with one JDBC batch into
 * {@code bazaar_outbox} in the caller's transaction; after the commit {@link OutboxRelay} sends them
 * in id order, in batches, and deletes what Kafka acknowledged. The per-event registry of Spring
 * Modulith (one row insert, one send and one update per event) is the better fit for a few events
 * per transaction; measured on a catalogue import it managed about 375 events/s here.
 */
public class BatchOutbox {

    private static final String INSERT = "INSERT INTO bazaar_outbox "
            + "(topic, record_key, event_id, event_type, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TopicNames topics;
    private final OutboxRelay relay;

    public BatchOutbox(JdbcTemplate jdbc, JsonMapper json, TopicNames topics, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.topics = topics;
        this.relay = relay;
    }

    /** An event with its JSON already written, for a caller that has the bulk of it serialized anyway. */
    public record Serialized(IntegrationEvent event, byte[] payload) {
    }

    /** Stages the events in the current transaction; they are sent only if it commits. */
    public void stage(List<? extends IntegrationEvent> events) {
        stageSerialized(events.stream().map(event -> new Serialized(event, json.writeValueAsBytes(event))).toList());
    }

    /** {@link #stage}, with each event's payload as given. */
    public void stageSerialized(List<Serialized> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("BatchOutbox.stage must run inside a transaction");
        }
        jdbc.batchUpdate(INSERT, events, 500, (statement, serialized) -> {
            IntegrationEvent event = serialized.event();
            statement.setString(1, topics.resolve(event.topic()));
            statement.setString(2, event.key());
            statement.setString(3, event.eventId().toString());
            statement.setString(4, event.type());
            statement.setString(5, CloudEventHeaders.time(event.occurredAt()));
            statement.setBytes(6, serialized.payload());
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
