package dev.bazaar.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A real inventory-service process (its jar; an isolated database and topic prefix) for a service that
 * reserves stock in it. Stock is received through its OPS API as a warehouse would receive it, with a
 * {@link TestJwts} OPS token: the process trusts that key through a {@link TestJwks}. {@link #levels}
 * reads an item's figures back.
 *
 * <p>List inventory-service as a {@code <type>pom</type>} test dependency (see {@link ServiceProcess}).
 */
public final class InventoryServiceProcess implements AutoCloseable {

    private final TestJwks jwks;
    // Replaced when the process is restarted after a kill (same port, same database).
    private volatile ServiceProcess process;
    private final HttpTestClient ops;

    private final String database;

    private InventoryServiceProcess(TestJwks jwks, ServiceProcess process, String database) {
        this.database = database;
        this.jwks = jwks;
        this.process = process;
        this.ops = new HttpTestClient(process.baseUrl()).withHeader("Authorization", TestJwts.bearer("ops-1", "OPS"));
    }

    /**
     * Starts it on a database of its own, publishing its StockChanged events under {@code topicPrefix} (e.g.
     * a {@link ServiceabilityNetwork}'s, which then learns where items are stocked from them).
     */
    public static InventoryServiceProcess start(String topicPrefix, String... arguments) throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.KAFKA.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(InventoryServiceProcess.class);
        TestJwks jwks = TestJwks.serve();
        try {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                    "--bazaar.kafka.topic-prefix=" + topicPrefix,
                    "--spring.kafka.consumer.group-id=" + names.base(),
                    "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database()
                            + "?createDatabaseIfNotExist=true",
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks.uri()));
            args.addAll(List.of(arguments));
            return new InventoryServiceProcess(jwks, ServiceProcess.start("inventory-service", args), names.database());
        } catch (IOException | RuntimeException e) {
            jwks.close();
            throw e;
        }
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** Its isolated MariaDB database, for a test that reads it or breaks it on purpose (reconciliation's). */
    public String database() {
        return database;
    }

    /** Ends the process with SIGKILL, as a crash would ({@link ServiceProcess#kill}). */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Starts it again after {@link #kill}: same port, database and topics, so its callers find it again. */
    public void restart() throws IOException, InterruptedException {
        process = process.restart();
    }

    /** Receives {@code quantity} of the item in the warehouse under a fresh receipt id. */
    public void stock(String warehouseId, String itemId, long quantity) {
        HttpTestClient.Response answer = ops.post(
                "/api/ops/inventory/receipts",
                Map.of(
                        "receiptId", UUID.randomUUID().toString(),
                        "warehouseId", warehouseId,
                        "itemId", itemId,
                        "quantity", quantity));
        if (answer.status() != 201) {
            throw new IllegalStateException("inventory-service answered " + answer.status() + ": " + answer.body());
        }
    }

    /** The item's figures per warehouse as {@code {warehouseId: [onHand, reserved, sold]}}. */
    public Map<String, List<Long>> levels(String itemId) {
        HttpTestClient.Response answer = ops.get("/api/ops/inventory/items/" + itemId);
        Map<String, List<Long>> levels = new TreeMap<>();
        if (answer.status() == 404) {
            return levels;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("inventory-service answered " + answer.status() + ": " + answer.body());
        }
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

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            jwks.close();
        }
    }
}
