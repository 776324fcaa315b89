package dev.bazaar.inventory.stock;

import static dev.bazaar.inventory.InventoryClient.newItemId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.inventory.InventoryClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Receipts, the OPS reads, and the StockChanged events, against the real MariaDB and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class StockIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JdbcClient jdbc;

    InventoryClient inventory;

    @BeforeEach
    void client() {
        inventory = new InventoryClient(port);
    }

    @Test
    void aRepeatedReceiptChangesNothingAndAnswersTheSame() throws Exception {
        String itemId = newItemId();
        String receiptId = "r-" + UUID.randomUUID();
        HttpTestClient.Response first = inventory.receive(receiptId, "WH-BOM", itemId, 7);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        HttpTestClient.Response again = inventory.receive(receiptId, "WH-BOM", itemId, 7);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        // Five more repeats at once (a retry storm) still count the receipt once.
        assertThat(Together.run(
                        5,
                        () -> inventory.receive(receiptId, "WH-BOM", itemId, 7).status()))
                .containsOnly(201);
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(7L, 0L, 0L)));

        // The same id with other contents is refused, naming what was received.
        HttpTestClient.Response reused = inventory.receive(receiptId, "WH-BOM", itemId, 8);
        assertProblem(reused, 409, "receipt-id-reused");
        assertThat(reused.json().path("received").path("quantity").asLong()).isEqualTo(7);

        inventory.stock("WH-DEL", itemId, 3);
        HttpTestClient.Response read = inventory.ops().get("/api/ops/inventory/items/" + itemId);
        assertThat(read.json().path("totalAvailable").asLong()).isEqualTo(10);
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of("WH-BOM", List.of(7L, 0L, 0L), "WH-DEL", List.of(3L, 0L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 4);
        HttpTestClient ops = inventory.ops();
        String path = "/api/ops/inventory/receipts";

        assertProblem(inventory.receive("r-bad-1", "WH-BOM", "not-an-item-id", 1), 400, null);
        assertProblem(inventory.receive("r-bad-2", "WH-BOM", itemId, 0), 400, null);
        assertProblem(inventory.receive("r-bad-3", "WH-BOM", itemId, -5), 400, null);
        assertProblem(inventory.receive("r-bad-4", " ", itemId, 1), 400, null);
        assertProblem(inventory.receive(" ", "WH-BOM", itemId, 1), 400, null);
        assertProblem(
                ops.post(
                        path,
                        Map.of("receiptId", "r-bad-5", "warehouseId", "WH-BOM", "itemId", itemId, "quantity", "two")),
                400,
                null);
        assertProblem(ops.send("POST", path, "application/json", BodyPublishers.ofString("not json {")), 400, null);
        assertProblem(ops.get("/api/ops/inventory/items/not-an-item-id"), 400, "invalid-item-id");

        // OPS only: no token 401, a customer's token 403.
        Map<String, Object> good =
                Map.of("receiptId", "r-ok", "warehouseId", "WH-BOM", "itemId", itemId, "quantity", 1);
        assertThat(inventory.anonymous().post(path, good).status()).isEqualTo(401);
        assertThat(inventory
                        .anonymous()
                        .post(path, good, "Authorization", TestJwts.bearer("shopper-1", "CUSTOMER"))
                        .status())
                .isEqualTo(403);
        assertThat(inventory
                        .anonymous()
                        .get("/api/ops/inventory/items/" + itemId, "Authorization", TestJwts.bearer("shopper-1"))
                        .status())
                .isEqualTo(403);

        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(4L, 0L, 0L)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM receipt WHERE receipt_id LIKE 'r-bad-%' OR receipt_id = 'r-ok'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyChangeOfAvailableStockIsExactlyOneEventWithAGrowingVersion() {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 10); // v1: 10 here, 10 in all
        String repeated = "r-" + UUID.randomUUID();
        assertThat(inventory.receive(repeated, "WH-DEL", itemId, 5).status()).isEqualTo(201); // v2: 5, 15
        assertThat(inventory.receive(repeated, "WH-DEL", itemId, 5).status()).isEqualTo(201); // a repeat: none
        assertThat(inventory.reserve("o-a-" + itemId, "WH-BOM", null, itemId, 3).status())
                .isEqualTo(201); // v3: 7, 12
        assertThat(inventory.reserve("o-a-" + itemId, "WH-BOM", null, itemId, 3).status())
                .isEqualTo(200); // a repeat: none
        assertThat(inventory.confirm("o-a-" + itemId).status()).isEqualTo(200); // sold: available unchanged, none
        assertThat(inventory.reserve("o-b-" + itemId, "WH-DEL", null, itemId, 2).status())
                .isEqualTo(201); // v4: 3, 10
        assertThat(inventory.reserve("o-c-" + itemId, "WH-DEL", null, itemId, 4).status())
                .isEqualTo(409); // refused: none
        assertThat(inventory.release("o-b-" + itemId).status()).isEqualTo(200); // v5: 5, 12
        assertThat(inventory.release("o-b-" + itemId).status()).isEqualTo(200); // a repeat: none

        InventoryClient.awaitOutboxEmpty(jdbc);
        List<JsonNode> events = KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.INVENTORY_STOCK), Duration.ofSeconds(60))
                .stream()
                .filter(record -> itemId.equals(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                // The outbox may send two changes' events in either order; consumers order them by
                // version, which follows the order the changes committed in.
                .sorted(java.util.Comparator.comparingLong(
                        e -> e.path("version").asLong()))
                .toList();
        assertThat(events)
                .extracting(e ->
                        e.path("version").asLong() + ":" + e.path("warehouseId").asString() + ":"
                                + e.path("available").asLong() + ":"
                                + e.path("totalAvailable").asLong())
                .containsExactly("1:WH-BOM:10:10", "2:WH-DEL:5:15", "3:WH-BOM:7:12", "4:WH-DEL:3:10", "5:WH-DEL:5:12");
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of("WH-BOM", List.of(7L, 0L, 3L), "WH-DEL", List.of(5L, 0L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }
}
