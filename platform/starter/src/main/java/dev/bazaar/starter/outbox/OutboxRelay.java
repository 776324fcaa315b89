package dev.bazaar.starter.outbox;

import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves {@link BatchOutbox} rows to Kafka: woken after each commit, and every
 * {@code pollInterval} for rows a crash or a Kafka outage left behind. Each round claims rows with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances never send the same row), as many as hold
 * up to {@code batchSize} events (at least one row), sends their events in order, waits for the
 * acknowledgements and deletes the rows in the same transaction. If Kafka is down the transaction
 * rolls back and the rows stay.
 *
 * <p>That transaction runs at READ COMMITTED: at MariaDB's default REPEATABLE READ the claim also
 * locked the gap after the last row, so every writer staging new rows waited until the batch's
 * acknowledgements came back (up to {@code ackTimeout} while Kafka is down); 67 such waits, up to
 * 437 ms each, were counted during one catalogue import.
 *
 * <p>Claims start after the last row this relay claimed, not at the start of the table: InnoDB
 * purges the rows a relay deleted some time after the commit, and until then every claim from the
 * start stepped over them again, checking each one's lock (and a catalogue import wakes the relay
 * after every chunk). A row whose transaction took its id earlier but committed later than rows
 * already sent is found by a claim from the start, made at most once per {@code pollInterval}: it
 * waits that long at most.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM =
            "SELECT id, events FROM bazaar_outbox_batch WHERE id > ? ORDER BY id " + "LIMIT ? FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final String source;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration ackTimeout;
    private final Counter sent;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;
    /** The last id this relay claimed: the next claim starts after it. */
    private volatile long claimAfter;

    private volatile long nextClaimFromStart = System.nanoTime();

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            KafkaOperations<String, byte[]> kafka,
            String source,
            int batchSize,
            Duration pollInterval,
            Duration ackTimeout,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.kafka = kafka;
        this.source = source;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.ackTimeout = ackTimeout;
        this.sent = meters.counter("bazaar.outbox.sent");
    }

    void wakeUp() {
        wakeUps.release();
    }

    /**
     * Sends batches until the outbox is empty; returns how many events moved. Starts at the
     * beginning of the table if the last time it did was {@code pollInterval} ago or more.
     */
    int relayAll() {
        if (System.nanoTime() - nextClaimFromStart >= 0) {
            claimAfter = 0;
            nextClaimFromStart = System.nanoTime() + pollInterval.toNanos();
        }
        int total = 0;
        int moved;
        do {
            moved = relayBatch();
            total += moved;
        } while (moved > 0);
        return total;
    }

    /** Sends one batch; returns how many events it moved (0 when the outbox is empty). */
    int relayBatch() {
        long[] lastId = {0};
        Integer moved = transactions.execute(status -> {
            List<Long> rows = new ArrayList<>();
            int[] events = {0};
            boolean[] full = {false};
            jdbc.query(
                    CLAIM,
                    rs -> {
                        // The rows after the batch's last stay claimed until the commit: the next round takes them.
                        full[0] |= !rows.isEmpty() && events[0] + rs.getInt(2) > batchSize;
                        if (!full[0]) {
                            rows.add(rs.getLong(1));
                            events[0] += rs.getInt(2);
                        }
                    },
                    claimAfter,
                    batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            lastId[0] = rows.get(rows.size() - 1);
            List<CompletableFuture<?>> sends = new ArrayList<>(events[0]);
            jdbc.query(selectContent(rows), rs -> {
                byte[] traceparent = bytes(rs.getString(2));
                OutboxEntries.decode(rs.getBytes(1)).forEach(entry -> sends.add(send(entry, traceparent)));
            });
            awaitAll(sends);
            jdbc.update(deleteAll(rows));
            return sends.size();
        });
        int count = moved == null ? 0 : moved;
        if (count > 0) {
            claimAfter = lastId[0];
        }
        sent.increment(count);
        return count;
    }

    private static String selectContent(List<Long> rows) {
        return "SELECT o.content, o.traceparent FROM bazaar_outbox_batch o FORCE INDEX (PRIMARY) WHERE " + ids(rows)
                + " ORDER BY o.id";
    }

    /**
     * One statement for the whole batch. It reads the primary key from the batch's first to its
     * last id (claimed in id order): the table's statistics count only a batch or two of live rows,
     * so for {@code id IN (…)} (or a range) MariaDB chose a scan of the whole table, through every
     * row deleted but not yet purged, for each batch (15 % of its CPU in an import).
     */
    private static String deleteAll(List<Long> rows) {
        return "DELETE o FROM bazaar_outbox_batch o FORCE INDEX (PRIMARY) WHERE " + ids(rows);
    }

    /** The condition on {@code o.id} for exactly these ids, in ascending order (longs read from the table). */
    private static String ids(List<Long> rows) {
        long first = rows.get(0);
        long last = rows.get(rows.size() - 1);
        String range = "o.id BETWEEN " + first + " AND " + last;
        if (last - first + 1 == rows.size()) {
            return range; // no gap: the range holds exactly the batch
        }
        StringJoiner ids = new StringJoiner(",", range + " AND o.id IN (", ")");
        rows.forEach(id -> ids.add(Long.toString(id)));
        return ids.toString();
    }

    private CompletableFuture<?> send(OutboxEntries.Entry entry, byte[] traceparent) {
        try {
            return kafka.send(record(entry, traceparent));
        } catch (RuntimeException e) { // e.g. no broker metadata within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    private ProducerRecord<String, byte[]> record(OutboxEntries.Entry entry, byte[] traceparent) {
        var record = CloudEventHeaders.record(
                entry.topic(), entry.key(), entry.payload(), entry.eventId(), entry.type(), source, entry.time());
        if (traceparent != null) {
            record.headers().add(Traces.TRACEPARENT, traceparent);
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            // Roll back: nothing is deleted, the whole batch is sent again (consumers dedupe by ce_id).
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                relayAll();
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed, retrying in {}: {}", pollInterval, e.toString());
                sleep(pollInterval);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
