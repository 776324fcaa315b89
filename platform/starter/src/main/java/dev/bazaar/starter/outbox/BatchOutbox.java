package dev.bazaar.starter.outbox;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.kafka.TopicNames;
import dev.bazaar.starter.tracing.Traces;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox for high-volume streams, such as a catalogue import that publishes
 * thousands of events per transaction. The events staged together are written as one row of
 * {@code bazaar_outbox_batch} (framed by {@link OutboxEntries}) in the caller's transaction; after
 * the commit {@link OutboxRelay} sends them in order and deletes the row once Kafka acknowledged
 * them all.
 *
 * <p>A row per event cost MariaDB an insert, a delete and a purge for each one: about 40 % of its
 * CPU in a 100,000-row import. The per-event registry of Spring Modulith (one row insert, one send
 * and one update per event) is the better fit for a few events per transaction; measured on a
 * catalogue import it managed about 375 events/s here.
 */
public class BatchOutbox {

    private static final String INSERT =
            "INSERT INTO bazaar_outbox_batch (events, content, traceparent) VALUES (?, ?, ?)";

    /** Larger batches are split into rows of about this size, well under MariaDB's 16 MB packet limit. */
    static final int MAX_ROW_BYTES = 4 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TopicNames topics;
    private final OutboxRelay relay;
    private final Traces traces;

    public BatchOutbox(JdbcTemplate jdbc, JsonMapper json, TopicNames topics, OutboxRelay relay, Traces traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.topics = topics;
        this.relay = relay;
        this.traces = traces;
    }

    /** An event with its JSON already written, for a caller that has the bulk of it serialized anyway. */
    public record Serialized(IntegrationEvent event, byte[] payload) {}

    /**
     * Stages the events in the current transaction; they are sent only if it commits, with the
     * {@code traceparent} of the span that staged them.
     */
    public void stage(List<? extends IntegrationEvent> events) {
        stageSerialized(events.stream()
                .map(event -> new Serialized(event, json.writeValueAsBytes(event)))
                .toList());
    }

    /** {@link #stage}, with each event's payload as given. */
    public void stageSerialized(List<Serialized> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("BatchOutbox.stage must run inside a transaction");
        }
        List<OutboxEntries.Entry> entries = events.stream()
                .map(serialized -> {
                    IntegrationEvent event = serialized.event();
                    return new OutboxEntries.Entry(
                            topics.resolve(event.topic()),
                            event.key(),
                            event.eventId().toString(),
                            event.type(),
                            CloudEventHeaders.time(event.occurredAt()),
                            serialized.payload());
                })
                .toList();
        List<OutboxEntries.Encoded> rows = OutboxEntries.encode(entries, MAX_ROW_BYTES);
        String traceparent = traces.currentText();
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            statement.setInt(1, row.events());
            statement.setBytes(2, row.content());
            statement.setString(3, traceparent);
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
