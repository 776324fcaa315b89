package dev.bazaar.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.TestJwts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's two callers in the tests: OPS (a test JWT with role OPS) on {@code /api/ops/inventory},
 * and order-service (the local profile's internal token) on {@code /internal/inventory/reservations}.
 */
public final class InventoryClient {

    /** The local profile's development value of BAZAAR_INTERNAL_TOKEN (the starter's bazaar-local.properties). */
    public static final String LOCAL_INTERNAL_TOKEN = "bazaar-local-internal-token";

    private final HttpTestClient ops;
    private final HttpTestClient orders;
    private final HttpTestClient anonymous;

    public InventoryClient(int port) {
        anonymous = HttpTestClient.local(port);
        ops = anonymous.withHeader("Authorization", TestJwts.bearer("ops-1", "OPS"));
        orders = anonymous.withHeader("X-Internal-Token", LOCAL_INTERNAL_TOKEN);
    }

    public HttpTestClient anonymous() {
        return anonymous;
    }

    public HttpTestClient ops() {
        return ops;
    }

    public static String newItemId() {
        return UUID.randomUUID().toString();
    }

    public HttpTestClient.Response receive(String receiptId, String warehouseId, String itemId, long quantity) {
        return ops.post(
                "/api/ops/inventory/receipts",
                Map.of("receiptId", receiptId, "warehouseId", warehouseId, "itemId", itemId, "quantity", quantity));
    }

    /** Receives {@code quantity} under a fresh receipt id, asserting it was taken. */
    public void stock(String warehouseId, String itemId, long quantity) {
        HttpTestClient.Response answer = receive(UUID.randomUUID().toString(), warehouseId, itemId, quantity);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** Every line from the one warehouse: {@code itemsAndQuantities} is itemId, quantity, itemId, quantity ... */
    public HttpTestClient.Response reserve(
            String orderId, String warehouseId, String ttl, Object... itemsAndQuantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < itemsAndQuantities.length; i += 2) {
            lines.add(line(
                    (String) itemsAndQuantities[i], ((Number) itemsAndQuantities[i + 1]).longValue(), warehouseId));
        }
        return reserve(orderId, ttl, lines);
    }

    /** Lines made with {@link #line}. */
    public HttpTestClient.Response reserve(String orderId, String ttl, List<Map<String, Object>> lines) {
        Map<String, Object> body = ttl == null
                ? Map.of("orderId", orderId, "lines", lines)
                : Map.of("orderId", orderId, "lines", lines, "ttl", ttl);
        return orders.post("/internal/inventory/reservations", body);
    }

    /** A reservation line that may come from {@code warehouseIds}, preferred first. */
    public static Map<String, Object> line(String itemId, long quantity, String... warehouseIds) {
        return Map.of("itemId", itemId, "quantity", quantity, "warehouseIds", List.of(warehouseIds));
    }

    public HttpTestClient.Response adjust(
            String adjustmentId, String warehouseId, String itemId, long delta, String reason) {
        return ops.post(
                "/api/ops/inventory/adjustments",
                Map.of(
                        "adjustmentId",
                        adjustmentId,
                        "warehouseId",
                        warehouseId,
                        "itemId",
                        itemId,
                        "delta",
                        delta,
                        "reason",
                        reason));
    }

    public HttpTestClient.Response confirm(String orderId) {
        return orders.post("/internal/inventory/reservations/" + orderId + "/confirm", Map.of());
    }

    public HttpTestClient.Response release(String orderId) {
        return orders.post("/internal/inventory/reservations/" + orderId + "/release", Map.of());
    }

    /** {warehouseId: [onHand, reserved, sold]} as the OPS read answers it. */
    public Map<String, List<Long>> levels(String itemId) {
        HttpTestClient.Response answer = ops.get("/api/ops/inventory/items/" + itemId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, List<Long>> levels = new java.util.TreeMap<>();
        answer.json()
                .path("warehouses")
                .forEach(level -> levels.put(
                        level.path("warehouseId").asString(),
                        List.of(
                                level.path("onHand").asLong(),
                                level.path("reserved").asLong(),
                                level.path("sold").asLong())));
        return levels;
    }

    /** Asserts the ledger recomputes every warehouse's stored figures for the item. */
    public void assertLedgerMatches(String itemId) {
        HttpTestClient.Response answer = ops.get("/api/ops/inventory/items/" + itemId + "/ledger-check");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().size()).as(answer.body()).isPositive();
        answer.json().forEach(check -> {
            assertThat(check.path("recomputed")).as(answer.body()).isEqualTo(check.path("stored"));
            assertThat(check.path("consistent").asBoolean()).as(answer.body()).isTrue();
        });
    }

    /** Once the outbox is empty every event is on the topic, so exact lists can be asserted. */
    public static void awaitOutboxEmpty(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
