package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A chunk that hits a transient database error is written again, and the import completes: here
 * another transaction holds the item's ledger row for 4.5 s while this service's connections give
 * up waiting for a lock after 3 s.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 3")
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class TransientChunkFailureIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void aChunkThatTimesOutOnALockIsWrittenAgainAndTheImportCompletes() throws Exception {
        var client = new InboundClient(port);
        String supplier = "locked-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);
        assertThat(importMug(client, apiKey, 199).get("status").stringValue()).isEqualTo("COMPLETED");
        double retriesBefore = meters.counter("bazaar.inbound.chunk.retries").count();

        // Another transaction holds the item's ledger row past this service's 3 s lock wait timeout.
        Future<?> holding = inAnotherTransaction(
                connection -> {
                    try (var lock = connection.prepareStatement(
                            "SELECT version FROM supplier_item WHERE item_id = ? FOR UPDATE")) {
                        lock.setString(1, ItemIds.of(supplier, "mug-1"));
                        lock.executeQuery().close();
                    }
                },
                Duration.ofMillis(4_500),
                false);

        JsonNode changed = importMug(client, apiKey, 249);

        holding.get();
        assertThat(changed.get("status").stringValue()).as(changed.toString()).isEqualTo("COMPLETED");
        assertThat(changed.get("counts").get("accepted").longValue()).isEqualTo(1);
        assertThat(meters.counter("bazaar.inbound.chunk.retries").count()).isGreaterThan(retriesBefore);
    }

    /**
     * Another writer creates the ledger row of a new item after the chunk read it as missing: the
     * chunk's insert waits for that writer, then fails on the duplicate key, and the chunk is
     * written again as a change of what the other writer stored.
     */
    @Test
    void aChunkWhoseNewItemAnotherWriterCreatedMeanwhileIsWrittenAgainAsAChange() throws Exception {
        var client = new InboundClient(port);
        String supplier = "raced-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);
        double retriesBefore = meters.counter("bazaar.inbound.chunk.retries").count();

        // Under the 3 s lock wait timeout: the chunk's insert waits for this writer, then collides.
        Future<?> writing = inAnotherTransaction(
                connection -> {
                    try (var insert = connection.prepareStatement("""
                    INSERT INTO supplier_item (item_id, supplier_id, sku, content_hash, version, active, snapshot, updated_at)
                    VALUES (?, ?, 'mug-1', ?, 7, TRUE, '{}', NOW(6))""")) {
                        insert.setString(1, ItemIds.of(supplier, "mug-1"));
                        insert.setString(2, supplier);
                        insert.setBytes(3, new byte[32]);
                        insert.executeUpdate();
                    }
                },
                Duration.ofMillis(1_500),
                true);

        JsonNode job = importMug(client, apiKey, 199);

        writing.get();
        assertThat(job.get("status").stringValue()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("counts").get("accepted").longValue()).isEqualTo(1);
        assertThat(meters.counter("bazaar.inbound.chunk.retries").count()).isGreaterThan(retriesBefore);
        try (Connection connection = dataSource.getConnection();
                var read = connection.prepareStatement("SELECT version FROM supplier_item WHERE item_id = ?")) {
            read.setString(1, ItemIds.of(supplier, "mug-1"));
            try (var row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1))
                        .as("the next version after the other writer's")
                        .isEqualTo(8);
            }
        }
    }

    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own on another connection and returns once it has
     * run; the transaction then stays open for {@code hold} and commits or rolls back. The future
     * ends with it (and fails if the work did).
     */
    private Future<?> inAnotherTransaction(SqlWork work, Duration hold, boolean commit) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        FutureTask<Void> transaction = new FutureTask<>(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    work.run(connection);
                } finally {
                    ran.countDown();
                }
                Thread.sleep(hold.toMillis());
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            }
            return null;
        });
        Thread thread = new Thread(transaction, "other-transaction");
        thread.setDaemon(true);
        thread.start();
        ran.await();
        return transaction;
    }

    private static JsonNode importMug(InboundClient client, String apiKey, int rupees) {
        String body = "[{\"supplierSku\":\"mug-1\",\"title\":\"Ceramic mug\",\"categoryPath\":[\"Kitchen & Dining\"],"
                + "\"price\":" + rupees + ",\"mrp\":299}]";
        var received = client.importCatalog(apiKey, "application/json", body);
        return client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(1));
    }
}
