package dev.bazaar.inventory.reconciliation;

import static dev.bazaar.inventory.InventoryClient.newItemId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.inventory.InventoryClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation listings order-service reads: every stock row beside its ledger figures, and the
 * ledger per order reference, both keyset paged, only with the internal token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ReconciliationListingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    InventoryClient inventory;
    HttpTestClient internal;

    @BeforeEach
    void client() {
        inventory = new InventoryClient(port);
        internal = inventory.anonymous().withHeader("X-Internal-Token", InventoryClient.LOCAL_INTERNAL_TOKEN);
    }

    @Test
    void everyStockRowIsListedOncePageByPageBesideItsLedgerFigures() {
        String tv = newItemId();
        String lamp = newItemId();
        inventory.stock("WH-BOM", tv, 10);
        inventory.stock("WH-DEL", tv, 4);
        inventory.stock("WH-BOM", lamp, 6);
        assertThat(inventory
                        .adjust("adj-" + UUID.randomUUID(), "WH-BOM", lamp, -1, "DAMAGED")
                        .status())
                .isEqualTo(201);
        String sold = "o-" + UUID.randomUUID();
        assertThat(inventory.reserve(sold, "WH-BOM", null, tv, 3).status()).isEqualTo(201);
        assertThat(inventory.confirm(sold).status()).isEqualTo(200);
        String held = "o-" + UUID.randomUUID();
        assertThat(inventory.reserve(held, "WH-BOM", null, tv, 2, lamp, 1).status())
                .isEqualTo(201);

        Map<String, JsonNode> rows = allStockRows(2);

        JsonNode tvBom = rows.get(tv + ":WH-BOM");
        assertThat(tvBom.path("stored").path("onHand").asLong()).isEqualTo(7);
        assertThat(tvBom.path("stored").path("reserved").asLong()).isEqualTo(2);
        assertThat(tvBom.path("stored").path("sold").asLong()).isEqualTo(3);
        assertThat(tvBom.path("ledger").path("received").asLong()).isEqualTo(10);
        assertThat(tvBom.path("ledger").path("confirmed").asLong()).isEqualTo(3);
        assertThat(tvBom.path("ledger").path("onHand").asLong()).isEqualTo(7);
        assertThat(tvBom.path("ledger").path("reserved").asLong()).isEqualTo(2);
        assertThat(tvBom.path("ledger").path("sold").asLong()).isEqualTo(3);
        assertThat(rows.get(tv + ":WH-DEL").path("ledger").path("onHand").asLong())
                .isEqualTo(4);
        JsonNode lampBom = rows.get(lamp + ":WH-BOM");
        assertThat(lampBom.path("ledger").path("adjusted").asLong()).isEqualTo(-1);
        assertThat(lampBom.path("ledger").path("onHand").asLong()).isEqualTo(5);
        assertThat(lampBom.path("stored").path("onHand").asLong()).isEqualTo(5);

        // A change that escaped the ledger shows: the stored figure moves, the ledger's does not.
        // (In a transaction: the pool's connections are outside autocommit, and roll back what was not committed.)
        transaction.executeWithoutResult(
                status -> jdbc.sql("UPDATE stock SET sold = sold + 1 WHERE item_id = ? AND warehouse_id = 'WH-BOM'")
                        .param(tv)
                        .update());
        JsonNode tampered = allStockRows(500).get(tv + ":WH-BOM");
        assertThat(tampered.path("stored").path("sold").asLong()).isEqualTo(4);
        assertThat(tampered.path("ledger").path("sold").asLong()).isEqualTo(3);
    }

    @Test
    void theLedgerOfEachOrderIsListedPageByPageWithinTheAskedRange() {
        String tv = newItemId();
        String lamp = newItemId();
        String receiptId = "r-" + UUID.randomUUID();
        assertThat(inventory.receive(receiptId, "WH-BOM", tv, 10).status()).isEqualTo(201);
        inventory.stock("WH-BOM", lamp, 10);
        String adjustmentId = "adj-" + UUID.randomUUID();
        assertThat(inventory.adjust(adjustmentId, "WH-BOM", lamp, 2, "FOUND").status())
                .isEqualTo(201);
        // Three orders whose ids sort together, after a prefix no other order has.
        String prefix = "rc-" + UUID.randomUUID();
        String confirmed = prefix + "-a";
        String released = prefix + "-b";
        String reserved = prefix + "-c";
        assertThat(inventory.reserve(confirmed, "WH-BOM", null, tv, 2, lamp, 1).status())
                .isEqualTo(201);
        assertThat(inventory.confirm(confirmed).status()).isEqualTo(200);
        assertThat(inventory.reserve(released, "WH-BOM", null, tv, 1).status()).isEqualTo(201);
        assertThat(inventory.release(released).status()).isEqualTo(200);
        assertThat(inventory.reserve(reserved, "WH-BOM", null, lamp, 4).status())
                .isEqualTo(201);

        List<JsonNode> orders = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String after = prefix;
        do {
            HttpTestClient.Response page = internal.get(
                    "/internal/inventory/reconciliation/orders?size=1&after=" + after + "&until=" + prefix + "-z");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("orders").forEach(orders::add);
            after = page.json().path("next").asString(null);
            cursors.add(after);
        } while (after != null);

        assertThat(orders).extracting(o -> o.path("orderId").asString()).containsExactly(confirmed, released, reserved);
        assertThat(cursors).containsExactly(confirmed, released, reserved, null);
        JsonNode first = orders.get(0);
        assertThat(first.path("lastChangedAt").isString()).isTrue();
        assertThat(first.path("lines")).hasSize(2);
        JsonNode tvLine = lineOf(first, tv);
        assertThat(tvLine.path("warehouseId").asString()).isEqualTo("WH-BOM");
        assertThat(tvLine.path("reserved").asLong()).isEqualTo(2);
        assertThat(tvLine.path("sold").asLong()).isEqualTo(2);
        assertThat(tvLine.path("reservedOutstanding").asLong()).isEqualTo(0);
        assertThat(lineOf(first, lamp).path("sold").asLong()).isEqualTo(1);
        JsonNode releasedLine = lineOf(orders.get(1), tv);
        assertThat(releasedLine.path("released").asLong()).isEqualTo(1);
        assertThat(releasedLine.path("sold").asLong()).isEqualTo(0);
        assertThat(releasedLine.path("reservedOutstanding").asLong()).isEqualTo(0);
        JsonNode heldLine = lineOf(orders.get(2), lamp);
        assertThat(heldLine.path("reservedOutstanding").asLong()).isEqualTo(4);
        assertThat(heldLine.path("sold").asLong()).isEqualTo(0);

        // Receipts and adjustments are no order's: a listing of everything names none of their references.
        List<String> everything = new ArrayList<>();
        String from = null;
        do {
            JsonNode page = internal.get("/internal/inventory/reconciliation/orders?size=1000"
                            + (from == null ? "" : "&after=" + from))
                    .json();
            page.path("orders").forEach(o -> everything.add(o.path("orderId").asString()));
            from = page.path("next").asString(null);
        } while (from != null);
        assertThat(everything).contains(confirmed, released, reserved).doesNotHaveDuplicates();
        assertThat(everything).doesNotContain(receiptId, adjustmentId);
    }

    @Test
    void theListingsNeedTheInternalTokenAndABoundedPage() {
        assertProblem(
                inventory.anonymous().get("/internal/inventory/reconciliation/stock"), 401, "internal-token-required");
        assertProblem(
                inventory
                        .anonymous()
                        .withHeader("X-Internal-Token", "wrong")
                        .get("/internal/inventory/reconciliation/orders"),
                401,
                "internal-token-required");
        assertProblem(internal.get("/internal/inventory/reconciliation/stock?size=1001"), 400, "invalid-paging");
        assertProblem(internal.get("/internal/inventory/reconciliation/orders?size=0"), 400, "invalid-paging");
        assertProblem(internal.get("/internal/inventory/reconciliation/stock?after=nonsense"), 400, "invalid-cursor");
    }

    /** Every stock row, read {@code size} at a time: keys strictly increasing, none twice. */
    private Map<String, JsonNode> allStockRows(int size) {
        Map<String, JsonNode> rows = new HashMap<>();
        List<String> keys = new ArrayList<>();
        String after = null;
        do {
            HttpTestClient.Response page = internal.get(
                    "/internal/inventory/reconciliation/stock?size=" + size + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("rows").size()).isLessThanOrEqualTo(size);
            page.json().path("rows").forEach(row -> {
                String key = row.path("itemId").asString() + ":"
                        + row.path("warehouseId").asString();
                keys.add(key);
                rows.put(key, row);
            });
            after = page.json().path("next").asString(null);
        } while (after != null);
        assertThat(keys).doesNotHaveDuplicates();
        return rows;
    }

    private static JsonNode lineOf(JsonNode order, String itemId) {
        for (JsonNode line : order.path("lines")) {
            if (line.path("itemId").asString().equals(itemId)) {
                return line;
            }
        }
        throw new AssertionError(itemId + " not in " + order);
    }
}
