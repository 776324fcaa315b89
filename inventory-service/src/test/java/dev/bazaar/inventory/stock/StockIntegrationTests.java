package dev.bazaar.inventory.stock;

import static dev.bazaar.inventory.InventoryClient.newItemId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.inventory.InventoryClient;
import dev.bazaar.testing.ApiDocument;
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
    void receiptsAdjustmentsAndChangesOfInStockAreExactlyOneEventEachWithAGrowingVersion() {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 10); // v1: 10 here, 10 in all
        String repeated = "r-" + UUID.randomUUID();
        assertThat(inventory.receive(repeated, "WH-DEL", itemId, 5).status()).isEqualTo(201); // v2: 5, 15
        assertThat(inventory.receive(repeated, "WH-DEL", itemId, 5).status()).isEqualTo(201); // a repeat: none
        // Reservations and releases that leave some available change no one's view: no event.
        assertThat(inventory.reserve("o-a-" + itemId, "WH-BOM", null, itemId, 3).status())
                .isEqualTo(201); // 7 left: none
        assertThat(inventory.reserve("o-a-" + itemId, "WH-BOM", null, itemId, 3).status())
                .isEqualTo(200); // a repeat: none
        assertThat(inventory.confirm("o-a-" + itemId).status()).isEqualTo(200); // sold: available unchanged, none
        assertThat(inventory.reserve("o-b-" + itemId, "WH-DEL", null, itemId, 2).status())
                .isEqualTo(201); // 3 left: none
        assertThat(inventory.reserve("o-c-" + itemId, "WH-DEL", null, itemId, 4).status())
                .isEqualTo(409); // refused: none
        assertThat(inventory.release("o-b-" + itemId).status()).isEqualTo(200); // 5 again: none
        assertThat(inventory.release("o-b-" + itemId).status()).isEqualTo(200); // a repeat: none
        assertThat(inventory
                        .adjust("a-" + itemId, "WH-DEL", itemId, -2, "DAMAGED")
                        .status())
                .isEqualTo(201); // v3: 3, 10
        assertThat(inventory
                        .adjust("a-" + itemId, "WH-DEL", itemId, -2, "DAMAGED")
                        .status())
                .isEqualTo(201); // a repeat: none
        assertThat(inventory
                        .adjust("a-x-" + itemId, "WH-BOM", itemId, -8, "LOST")
                        .status())
                .isEqualTo(409); // refused: none
        // Taking the last units out of a warehouse, and giving some back, each change whether it has any.
        assertThat(inventory.reserve("o-d-" + itemId, "WH-DEL", null, itemId, 3).status())
                .isEqualTo(201); // v4: 0, 7
        assertThat(inventory.reserve("o-e-" + itemId, "WH-DEL", null, itemId, 1).status())
                .isEqualTo(409); // refused: none
        assertThat(inventory.release("o-d-" + itemId).status()).isEqualTo(200); // v5: 3, 10

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
                .containsExactly("1:WH-BOM:10:10", "2:WH-DEL:5:15", "3:WH-DEL:3:10", "4:WH-DEL:0:7", "5:WH-DEL:3:10");
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of("WH-BOM", List.of(7L, 0L, 3L), "WH-DEL", List.of(3L, 0L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void adjustmentsAreIdempotentAndNeverTakeOnHandBelowReserved() throws Exception {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 10);
        assertThat(inventory.reserve("o-" + itemId, "WH-BOM", null, itemId, 4).status())
                .isEqualTo(201);

        HttpTestClient.Response damaged = inventory.adjust("a1-" + itemId, "WH-BOM", itemId, -3, "DAMAGED");
        assertThat(damaged.status()).as(damaged.body()).isEqualTo(201);
        assertThat(damaged.text("reason")).isEqualTo("DAMAGED");
        assertThat(damaged.json().path("delta").asLong()).isEqualTo(-3);
        // Repeats (also several at once) apply it once and answer the same.
        assertThat(inventory
                        .adjust("a1-" + itemId, "WH-BOM", itemId, -3, "DAMAGED")
                        .json())
                .isEqualTo(damaged.json());
        assertThat(Together.run(
                        5,
                        () -> inventory
                                .adjust("a1-" + itemId, "WH-BOM", itemId, -3, "DAMAGED")
                                .status()))
                .containsOnly(201);
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(7L, 4L, 0L)));
        HttpTestClient.Response reused = inventory.adjust("a1-" + itemId, "WH-BOM", itemId, -2, "DAMAGED");
        assertProblem(reused, 409, "adjustment-id-reused");
        assertThat(reused.json().path("adjusted").path("delta").asLong()).isEqualTo(-3);

        // 4 of the 7 on hand are reserved: taking 4 off would leave 3 < 4. Refused, nothing recorded.
        HttpTestClient.Response below = inventory.adjust("a2-" + itemId, "WH-BOM", itemId, -4, "LOST");
        assertProblem(below, 409, "adjustment-below-reserved");
        assertThat(below.json().path("reserved").asLong()).isEqualTo(4);
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(7L, 4L, 0L)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM adjustment WHERE adjustment_id = ?")
                        .param("a2-" + itemId)
                        .query(Long.class)
                        .single())
                .isZero();
        // Down to exactly what is reserved is allowed; stock found or returned adds, also where the item never was.
        assertThat(inventory
                        .adjust("a3-" + itemId, "WH-BOM", itemId, -3, "COUNT_CORRECTION")
                        .status())
                .isEqualTo(201);
        assertThat(inventory
                        .adjust("a4-" + itemId, "WH-BOM", itemId, 2, "FOUND")
                        .status())
                .isEqualTo(201);
        assertThat(inventory
                        .adjust("a5-" + itemId, "WH-DEL", itemId, 1, "RETURNED")
                        .status())
                .isEqualTo(201);
        assertProblem(
                inventory.adjust("a6-" + itemId, "WH-NOWHERE", itemId, -1, "LOST"), 409, "adjustment-below-reserved");
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of("WH-BOM", List.of(6L, 4L, 0L), "WH-DEL", List.of(1L, 0L, 0L)));
        // The reservation still confirms: its stock was never written off.
        assertThat(inventory.confirm("o-" + itemId).status()).isEqualTo(200);
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of("WH-BOM", List.of(2L, 0L, 4L), "WH-DEL", List.of(1L, 0L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void parallelWriteOffsNeverTakeOnHandBelowReserved() throws Exception {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 12);
        assertThat(inventory.reserve("o-" + itemId, "WH-BOM", null, itemId, 2).status())
                .isEqualTo(201);
        // 10 available: of ten write-offs of 3 at once, exactly three fit.
        var next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Together.run(
                10,
                () -> inventory
                        .adjust("w-" + next.incrementAndGet() + "-" + itemId, "WH-BOM", itemId, -3, "LOST")
                        .status());
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(3);
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(3L, 2L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void badAdjustmentsAreAProblemAndChangeNothing() {
        String itemId = newItemId();
        inventory.stock("WH-BOM", itemId, 4);
        String path = "/api/ops/inventory/adjustments";

        assertProblem(inventory.adjust("b1-" + itemId, "WH-BOM", itemId, 0, "FOUND"), 400, "invalid-delta");
        assertProblem(inventory.adjust("b2-" + itemId, "WH-BOM", itemId, 1, "STOLEN"), 400, null);
        assertProblem(inventory.adjust("b3-" + itemId, "WH-BOM", "not-an-item-id", 1, "FOUND"), 400, null);
        assertProblem(inventory.adjust(" ", "WH-BOM", itemId, 1, "FOUND"), 400, null);
        assertProblem(inventory.adjust("b4-" + itemId, " ", itemId, 1, "FOUND"), 400, null);
        assertProblem(
                inventory
                        .ops()
                        .post(
                                path,
                                Map.of(
                                        "adjustmentId",
                                        "b5-" + itemId,
                                        "warehouseId",
                                        "WH-BOM",
                                        "itemId",
                                        itemId,
                                        "delta",
                                        1)),
                400,
                null); // no reason
        Map<String, Object> good = Map.of(
                "adjustmentId",
                "b6-" + itemId,
                "warehouseId",
                "WH-BOM",
                "itemId",
                itemId,
                "delta",
                1,
                "reason",
                "FOUND");
        assertThat(inventory.anonymous().post(path, good).status()).isEqualTo(401);
        assertThat(inventory
                        .anonymous()
                        .post(path, good, "Authorization", TestJwts.bearer("shopper-1", "CUSTOMER"))
                        .status())
                .isEqualTo(403);

        assertThat(inventory.levels(itemId)).isEqualTo(Map.of("WH-BOM", List.of(4L, 0L, 0L)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM adjustment WHERE item_id = ?")
                        .param(itemId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aWarehouseListsItsItemsPageByPageInItemOrder() {
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> itemIds = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            itemIds.add(newItemId());
            inventory.stock(warehouse, itemIds.get(i), 10 + i);
        }
        inventory.stock("WH-ELSEWHERE", itemIds.get(0), 1);
        assertThat(inventory
                        .reserve("o-" + itemIds.get(2), warehouse, null, itemIds.get(2), 3)
                        .status())
                .isEqualTo(201);

        List<String> listed = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            HttpTestClient.Response answer = inventory
                    .ops()
                    .get("/api/ops/inventory/warehouses/" + warehouse + "/items?page=" + page + "&size=2");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("totalElements").asLong()).isEqualTo(5);
            assertThat(answer.json().path("items").size()).isEqualTo(page < 2 ? 2 : 1);
            answer.json().path("items").forEach(item -> {
                listed.add(item.path("itemId").asString());
                int i = itemIds.indexOf(item.path("itemId").asString());
                long reserved = i == 2 ? 3 : 0;
                assertThat(List.of(
                                item.path("onHand").asLong(),
                                item.path("reserved").asLong(),
                                item.path("sold").asLong(),
                                item.path("available").asLong()))
                        .as(item.toString())
                        .isEqualTo(List.of(10L + i, reserved, 0L, 10L + i - reserved));
            });
        }
        assertThat(listed).isEqualTo(itemIds.stream().sorted().toList());
        assertThat(inventory
                        .ops()
                        .get("/api/ops/inventory/warehouses/" + warehouse + "/items?page=3&size=2")
                        .json()
                        .path("items")
                        .size())
                .isZero();

        String path = "/api/ops/inventory/warehouses/" + warehouse + "/items";
        assertProblem(inventory.ops().get(path + "?size=0"), 400, "invalid-paging");
        assertProblem(inventory.ops().get(path + "?size=201"), 400, "invalid-paging");
        assertProblem(inventory.ops().get(path + "?page=-1"), 400, "invalid-paging");
        assertThat(inventory
                        .anonymous()
                        .get(path, "Authorization", TestJwts.bearer("shopper-1", "CUSTOMER"))
                        .status())
                .isEqualTo(403);
    }

    /** The OPS API is documented with its bearer token and problem answers; the internal one is left out. */
    @Test
    void theApiDocsListTheOpsOperationsAndNotTheInternalOnes() {
        ApiDocument doc = ApiDocument.fetch(port);

        doc.assertPlatformConventions("inventory-service")
                .assertBearerScheme()
                .assertOperations(
                        "POST /api/ops/inventory/receipts",
                        "POST /api/ops/inventory/adjustments",
                        "GET /api/ops/inventory/items/{itemId}",
                        "GET /api/ops/inventory/items/{itemId}/ledger-check",
                        "GET /api/ops/inventory/warehouses/{warehouseId}/items");
        assertThat(doc.securityOf("POST /api/ops/inventory/adjustments")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.securityOf("GET /api/ops/inventory/warehouses/{warehouseId}/items"))
                .containsExactly(ApiDocument.BEARER);
        doc.assertProblemResponse("POST /api/ops/inventory/adjustments", 400)
                .assertProblemResponse("POST /api/ops/inventory/adjustments", 401)
                .assertProblemResponse("POST /api/ops/inventory/adjustments", 403);
        // Service-to-service calls are not part of the public API (the gateway never routes them).
        assertThat(doc.openApi().getPaths().keySet()).noneMatch(path -> path.startsWith("/internal/"));
    }
}
