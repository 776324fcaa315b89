package dev.bazaar.starter.idempotency;

import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer pattern for services on MariaDB: the event id is recorded in the same
 * transaction as the event's effects, so a redelivered event (Kafka delivers at least once) is
 * skipped, and a failed one leaves no mark and is processed again on retry. The table
 * {@code bazaar_processed_event} comes with the starter's Flyway location {@code db/bazaar}.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ProcessedEvents(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} unless {@code consumer} already processed {@code eventId}; joins the
     * caller's transaction if there is one.
     *
     * @return whether the effect ran
     */
    public boolean runOnce(String consumer, UUID eventId, Runnable effect) {
        Boolean ran = transactions.execute(status -> {
            // INSERT IGNORE (MariaDB/MySQL) takes the row lock on the key, so two concurrent
            // deliveries of one event serialise here and only the first one runs the effect.
            int inserted = jdbc.update(
                    "INSERT IGNORE INTO bazaar_processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                    consumer,
                    eventId.toString(),
                    Timestamp.from(Instant.now()));
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** As {@link #runOnce(String, UUID, Runnable)}, with the id from the record's {@code ce_id} header. */
    public boolean runOnce(String consumer, ConsumerRecord<?, ?> record, Runnable effect) {
        UUID eventId = CloudEventHeaders.eventId(record.headers())
                .orElseThrow(() -> new IllegalArgumentException("Record " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " has no ce_id header"));
        return runOnce(consumer, eventId, effect);
    }
}
