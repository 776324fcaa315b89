package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import java.io.BufferedWriter;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import interrupted by a kill resumes with nothing lost or counted twice (README, Import states
 * and processing, 3). This module's own jar (packaged before failsafe runs) is started as a real
 * process, killed with SIGKILL while the import is mid-way (some chunks committed, not all), and
 * started again on the same database, spool directory and topic prefix.
 *
 * <p>What the code guarantees, and this test asserts: each chunk commits its ledger rows, outbox row,
 * row errors and counters in one transaction, and the counters are where the import resumes, so
 * every row is counted exactly once (the counts are exact, not merely consistent) and has its row
 * error at most once. Delivery is at least once: the relay deletes an outbox row only after Kafka
 * acknowledged its events, so a kill between the two sends that row again after the restart; the
 * copies are the same events (the outbox row holds each event's id and payload). A chunk that did
 * not commit left nothing to send; written again after the restart, it gets new event ids, sent
 * once. So every item is on the topic, each with exactly one distinct event id and payload
 * (version 1), possibly more than once.
 */
class KilledImportIntegrationTests {

    static final int ROWS = 20_000;
    /** Every 100th row has neither price: rejected, with one row error. */
    static final int REJECTED = ROWS / 100;
    /** Small chunks: many commits, so the kill finds the import mid-way. */
    static final int CHUNK_ROWS = 100;

    static final String SUPPLIER = "demo-supplier";

    final IsolatedNames names = IsolatedNames.forTestClass(KilledImportIntegrationTests.class);
    final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path home;

    ServiceProcess inbound;

    @AfterEach
    void stop() {
        if (inbound != null) {
            inbound.close();
        }
    }

    @Test
    void anImportKilledMidWayResumesWithEveryRowCountedOnceAndEveryItemPublished() throws Exception {
        LocalServer.KAFKA.requireReachable();
        LocalServer.MARIADB.requireReachable();
        inbound = ServiceProcess.start("inbound-service", arguments());
        String apiKey = apiKey();
        Path csv = catalogue();

        var received = new InboundClient(inbound.port())
                .post("/api/supplier/catalog", apiKey, "text/csv", HttpRequest.BodyPublishers.ofFile(csv));
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        String importId = received.json().get("importId").stringValue();

        // Some chunks committed: the kill comes at once, long before the 200 chunks are through.
        JsonNode[] seen = new JsonNode[1];
        var client = new InboundClient(inbound.port());
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    seen[0] = client.get("/api/supplier/imports/" + importId, apiKey)
                            .json();
                    return seen[0].get("counts").get("rowsRead").longValue() > 0
                            || List.of("COMPLETED", "FAILED")
                                    .contains(seen[0].get("status").stringValue());
                });
        inbound.kill();

        // What the dead process left: an unfinished job, some rows committed, not all.
        JobRow atKill = job(importId);
        assertThat(atKill.status())
                .as("status at the kill (the import must not finish first)")
                .isEqualTo("PROCESSING");
        assertThat(atKill.rowsRead())
                .as("rows committed at the kill")
                .isPositive()
                .isLessThan(ROWS);
        System.out.printf(
                "KILLED IMPORT at %,d of %,d rows, %d outbox rows unsent%n", atKill.rowsRead(), ROWS, outboxRows());

        inbound = ServiceProcess.start("inbound-service", arguments());
        JsonNode done = new InboundClient(inbound.port()).awaitFinished(apiKey, importId, Duration.ofMinutes(5));

        assertThat(done.get("status").stringValue()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode counts = done.get("counts");
        assertThat(List.of(
                        counts.get("rowsRead").longValue(),
                        counts.get("accepted").longValue(),
                        counts.get("rejected").longValue(),
                        counts.get("skipped").longValue(),
                        counts.get("unchanged").longValue()))
                .as("rowsRead, accepted, rejected, skipped, unchanged: each row once")
                .containsExactly((long) ROWS, (long) ROWS - REJECTED, (long) REJECTED, 0L, 0L);
        assertThat(counts.get("accepted").longValue()
                        + counts.get("rejected").longValue()
                        + counts.get("unchanged").longValue())
                .isEqualTo(ROWS);
        assertThat(rowErrors(importId))
                .as("row errors: one per rejected row, none twice")
                .isEqualTo(IntStream.range(0, ROWS)
                        .filter(KilledImportIntegrationTests::rejected)
                        .mapToObj(i -> (long) i + 1)
                        .toList());

        // Everything staged is acknowledged once the outbox is empty; then the topic's end is all there is.
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> outboxRows() == 0);
        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.readToEnd(
                LocalServer.KAFKA.address(), names.topic(Topics.SUPPLIER_ITEMS), Duration.ofMinutes(2));
        Map<String, Set<String>> eventIds = new HashMap<>();
        Map<String, Set<ByteBuffer>> payloads = new HashMap<>();
        for (var record : records) {
            eventIds.computeIfAbsent(record.key(), key -> new HashSet<>()).add(KafkaRecords.header(record, "ce_id"));
            payloads.computeIfAbsent(record.key(), key -> new HashSet<>()).add(ByteBuffer.wrap(record.value()));
        }
        Set<String> expected = new HashSet<>();
        IntStream.range(0, ROWS).filter(i -> !rejected(i)).forEach(i -> expected.add(ItemIds.of(SUPPLIER, sku(i))));
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(eventIds.keySet());
        Set<String> unexpected = new HashSet<>(eventIds.keySet());
        unexpected.removeAll(expected);
        assertThat(missing).as("accepted items missing from the topic").isEmpty();
        assertThat(unexpected)
                .as("items on the topic that no accepted row names")
                .isEmpty();
        assertThat(eventIds.entrySet())
                .as("items published with more than one event id")
                .filteredOn(entry -> entry.getValue().size() != 1)
                .isEmpty();
        assertThat(payloads.entrySet())
                .as("items published with more than one payload")
                .filteredOn(entry -> entry.getValue().size() != 1)
                .isEmpty();
        assertThat(records.stream()
                        .map(record -> json.readTree(record.value()))
                        .filter(event -> !event.get("importId").stringValue().equals(importId)
                                || event.get("item").get("version").longValue() != 1)
                        .map(JsonNode::toString)
                        .toList())
                .as("events other than version 1 of an item of this import")
                .isEmpty();
        System.out.printf(
                "KILLED IMPORT resumed: %,d records for %,d items (copies of the same event: %,d)%n",
                records.size(), expected.size(), records.size() - expected.size());
    }

    private List<String> arguments() {
        return List.of(
                "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                "--spring.datasource.url=" + jdbcUrl() + "?createDatabaseIfNotExist=true",
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--bazaar.inbound.demo-supplier.enabled=true",
                "--bazaar.inbound.demo-supplier.key-file=" + home.resolve("demo-api-key"),
                "--bazaar.inbound.import.spool-dir=" + home.resolve("spool"),
                "--bazaar.inbound.import.chunk-rows=" + CHUNK_ROWS);
    }

    /** The demo supplier's key, which the service writes (ending with a line break) as it starts. */
    private String apiKey() {
        Path file = home.resolve("demo-api-key");
        return Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> Files.isReadable(file) ? Files.readString(file) : "", key -> key.endsWith("\n"))
                .strip();
    }

    /** A Flipkart-format CSV of {@link #ROWS} products with distinct SKUs, every 100th without a price. */
    private Path catalogue() throws Exception {
        Path file = home.resolve("catalogue.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("uniq_id,crawl_timestamp,product_url,product_name,product_category_tree,pid,retail_price,"
                    + "discounted_price,image,is_FK_Advantage_product,description,product_rating,overall_rating,brand,"
                    + "product_specifications\n");
            for (int i = 0; i < ROWS; i++) {
                int mrp = 500 + i % 5000;
                String prices = rejected(i) ? "," : mrp + "," + (mrp - i % 100);
                out.write("u" + i + ",2016-03-25 22:59:23 +0000,http://www.flipkart.com/p/" + i + ",Resumed Product "
                        + i
                        + ",\"[\"\"Home Furnishing >> Cushions\"\"]\"," + sku(i) + "," + prices
                        + ",\"[\"\"http://img5a.flixcart.com/image/" + i + ".jpeg\"\"]\",FALSE,\"Product number " + i
                        + ".\",No rating available,No rating available,Acme,\"{\"\"product_specification\"\"=>"
                        + "[{\"\"key\"\"=>\"\"Fabric\"\", \"\"value\"\"=>\"\"Cotton\"\"}]}\"\n");
            }
        }
        return file;
    }

    private static boolean rejected(int i) {
        return i % 100 == 99;
    }

    private static String sku(int i) {
        return "RESUME-" + i;
    }

    record JobRow(String status, long rowsRead) {}

    private JobRow job(String importId) throws SQLException {
        try (Connection db = database();
                var query = db.prepareStatement("SELECT status, rows_read FROM import_job WHERE import_id = ?")) {
            query.setString(1, importId);
            try (var rs = query.executeQuery()) {
                assertThat(rs.next()).as("job " + importId).isTrue();
                return new JobRow(rs.getString(1), rs.getLong(2));
            }
        }
    }

    /** The row numbers of the import's row errors, in order, duplicates included. */
    private List<Long> rowErrors(String importId) throws SQLException {
        try (Connection db = database();
                var query = db.prepareStatement(
                        "SELECT row_no FROM import_row_error WHERE import_id = ? ORDER BY row_no")) {
            query.setString(1, importId);
            List<Long> rows = new ArrayList<>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
            return rows;
        }
    }

    /** Rows of the batch outbox not yet sent and deleted by the relay. */
    private long outboxRows() throws SQLException {
        try (Connection db = database();
                var query = db.prepareStatement("SELECT count(*) FROM bazaar_outbox_batch");
                var rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "root", "");
    }

    private String jdbcUrl() {
        return "jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database();
    }
}
