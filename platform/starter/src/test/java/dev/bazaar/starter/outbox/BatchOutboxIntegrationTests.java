package dev.bazaar.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Thousands of events staged in one transaction reach Kafka after the commit, none after a rollback. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class BatchOutboxIntegrationTests {

    @Autowired
    BatchOutbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    IsolatedNames names;

    @Test
    void committedBatchArrivesInOrderWithCloudEventsHeadersAndRolledBackBatchNever() {
        var tx = new TransactionTemplate(transactionManager);
        List<StockChanged> committed = events("committed", 2_000);
        tx.executeWithoutResult(status -> outbox.stage(committed));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    outbox.stage(events("rolled-back", 10));
                    throw new IllegalStateException("import chunk failed");
                }))
                .hasMessage("import chunk failed");

        KafkaRecords.read(
                LocalServer.KAFKA.address(),
                names.topic(Topics.INVENTORY_STOCK),
                found -> found.stream()
                                .filter(r -> r.key().startsWith("committed-"))
                                .count()
                        >= committed.size(),
                Duration.ofSeconds(60));
        // Read the whole topic once more after a pause: a late rolled-back or duplicate record would show now.
        // (The other tests of this class write to the same topic under keys of their own.)
        var records = KafkaRecords.read(
                        LocalServer.KAFKA.address(),
                        names.topic(Topics.INVENTORY_STOCK),
                        found -> false,
                        Duration.ofSeconds(3))
                .stream()
                .filter(r -> r.key().startsWith("committed-") || r.key().startsWith("rolled-back-"))
                .toList();

        assertThat(records).hasSize(committed.size());
        assertThat(records).extracting(ConsumerRecord::key).allMatch(key -> key.startsWith("committed-"));
        // One item's events stay in order: they share a key, hence a partition.
        assertThat(records.stream().filter(r -> r.key().equals("committed-7")).map(this::version))
                .isSorted()
                .hasSize(20);
        var first = records.get(0);
        assertThat(header(first, "ce_source")).isEqualTo("/bazaar/starter-tests");
        assertThat(header(first, "ce_type")).isEqualTo("dev.bazaar.StockChanged");
        assertThat(committed).extracting(e -> e.eventId().toString()).contains(header(first, "ce_id"));
        assertThat(stagedEvents()).isZero();
    }

    @Test
    void rowsStayInTheOutboxWhileKafkaIsUnreachableAndGoOutLater() {
        var deadKafka = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
                new StringSerializer(),
                new ByteArraySerializer()));
        var tx = new TransactionTemplate(transactionManager);
        var cutOff = new OutboxRelay(
                jdbc,
                tx,
                deadKafka,
                "/bazaar/starter-tests",
                100,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                new SimpleMeterRegistry());
        relay.stop(); // only the relay without a broker may run until the outage is over
        try {
            tx.executeWithoutResult(status -> outbox.stage(events("outage", 5)));

            assertThatThrownBy(cutOff::relayBatch).isInstanceOf(IllegalStateException.class);
            assertThat(stagedEvents()).isEqualTo(5);
        } finally {
            relay.start();
            deadKafka.destroy();
        }
        var records = KafkaRecords.read(
                LocalServer.KAFKA.address(),
                names.topic(Topics.INVENTORY_STOCK),
                found -> found.stream()
                                .filter(r -> r.key().startsWith("outage-"))
                                .count()
                        >= 5,
                Duration.ofSeconds(30));
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .filteredOn(key -> key.startsWith("outage-"))
                .hasSize(5);
    }

    @Test
    void stagingDoesNotWaitForABatchThatIsWaitingForKafka() throws Exception {
        var slowKafka = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:1",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        2_500),
                new StringSerializer(),
                new ByteArraySerializer()));
        var tx = new TransactionTemplate(transactionManager);
        var stuck = new OutboxRelay(
                jdbc,
                tx,
                slowKafka,
                "/bazaar/starter-tests",
                100,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                new SimpleMeterRegistry());
        relay.stop();
        var batch = Executors.newSingleThreadExecutor();
        long[] staged = {Long.MAX_VALUE};
        try {
            long lastBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM bazaar_outbox_batch", Long.class);
            staged[0] = lastBefore;
            tx.executeWithoutResult(status -> outbox.stage(events("waiting", 2)));
            // The relay claims the rows, then each send waits 2.5 s for broker metadata that never comes.
            Future<?> relaying = batch.submit(stuck::relayBatch);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unclaimedRowsAfter(tx, lastBefore) == 0);

            tx.executeWithoutResult(status -> outbox.stage(events("meanwhile", 5)));

            // Staged while the batch still holds its rows: staging did not wait for it.
            assertThat(relaying)
                    .as("the relay batch is still waiting for Kafka")
                    .isNotDone();
            assertThatThrownBy(relaying::get).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(stagedEvents()).isEqualTo(7);
        } finally {
            batch.shutdownNow();
            jdbc.update("DELETE FROM bazaar_outbox_batch WHERE id > ?", staged[0]);
            relay.start();
            slowKafka.destroy();
        }
    }

    /** Rows after {@code id} that no other transaction holds (the relay's claim locks its rows). */
    private int unclaimedRowsAfter(TransactionTemplate tx, long id) {
        return tx.execute(status -> jdbc.queryForList(
                        "SELECT id FROM bazaar_outbox_batch WHERE id > ? FOR UPDATE SKIP LOCKED", Long.class, id)
                .size());
    }

    @Test
    void aRowCommittedAfterALaterRowWasSentGoesOutWithinThePollInterval() throws Exception {
        var tx = new TransactionTemplate(transactionManager);
        Duration pollInterval = Duration.ofSeconds(3);
        var relaying = new OutboxRelay(
                jdbc,
                tx,
                kafka,
                "/bazaar/starter-tests",
                100,
                pollInterval,
                Duration.ofSeconds(10),
                new SimpleMeterRegistry());
        relay.stop();
        var lateWriter = Executors.newSingleThreadExecutor();
        var staged = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        try {
            // The late row takes its id between two committed ones, then its transaction stays open
            // while later rows commit.
            tx.executeWithoutResult(status -> outbox.stage(events("before", 1)));
            Future<?> late = lateWriter.submit(() -> tx.executeWithoutResult(status -> {
                outbox.stage(events("late", 1));
                staged.countDown();
                awaitQuietly(commit);
            }));
            assertThat(staged.await(10, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(status -> outbox.stage(events("early", 2)));
            assertThat(relaying.relayAll())
                    .as("the three events of the two committed rows; the open one is skipped")
                    .isEqualTo(3);

            commit.countDown();
            late.get(10, TimeUnit.SECONDS);
            assertThat(stagedEvents())
                    .as("the batch around it was deleted, the late row was not")
                    .isEqualTo(1);
            assertThat(relaying.relayAll())
                    .as("claims go on after the last row sent")
                    .isZero();
            Thread.sleep(pollInterval.toMillis());
            assertThat(relaying.relayAll())
                    .as("a claim from the start, once per poll interval")
                    .isEqualTo(1);
            assertThat(stagedEvents()).isZero();
        } finally {
            commit.countDown();
            lateWriter.shutdownNow();
            relay.start();
        }
        var records = KafkaRecords.read(
                LocalServer.KAFKA.address(),
                names.topic(Topics.INVENTORY_STOCK),
                found -> found.stream().filter(r -> r.key().startsWith("late-")).count() >= 1,
                Duration.ofSeconds(30));
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .filteredOn(key -> key.startsWith("late-"))
                .containsExactly("late-0");
    }

    /** Events staged and not yet sent. */
    private int stagedEvents() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(events), 0) FROM bazaar_outbox_batch", Integer.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<StockChanged> events(String prefix, int count) {
        // 100 items, each changed count/100 times with a growing version.
        return IntStream.range(0, count)
                .mapToObj(i -> new StockChanged(
                        UUID.randomUUID(), Instant.now(), prefix + "-" + (i % 100), "BLR-1", i, i, i / 100))
                .toList();
    }

    private long version(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        return Long.parseLong(json.replaceAll(".*\"version\":(\\d+).*", "$1"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
