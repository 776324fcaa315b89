package dev.bazaar.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A real inventory-service process (its jar; an isolated database and topic prefix) for a service that
 * reserves stock in it. Stock is received through its OPS API as a warehouse would receive it, with a
 * {@link TestJwts} OPS token: the process trusts that key through a JWKS this fixture serves. {@link #levels}
 * reads an item's figures back.
 *
 * <p>List inventory-service as a {@code <type>pom</type>} test dependency (see {@link ServiceProcess}).
 */
public final class InventoryServiceProcess implements AutoCloseable {

    private final HttpServer jwks;
    private final ServiceProcess process;
    private final HttpTestClient ops;

    private InventoryServiceProcess(HttpServer jwks, ServiceProcess process) {
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
        HttpServer jwks = serveTestJwks();
        try {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                    "--bazaar.kafka.topic-prefix=" + topicPrefix,
                    "--spring.kafka.consumer.group-id=" + names.base(),
                    "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database()
                            + "?createDatabaseIfNotExist=true",
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                            + jwks.getAddress().getPort() + "/.well-known/jwks.json"));
            args.addAll(List.of(arguments));
            return new InventoryServiceProcess(jwks, ServiceProcess.start("inventory-service", args));
        } catch (IOException | RuntimeException e) {
            jwks.stop(0);
            throw e;
        }
    }

    public String baseUrl() {
        return process.baseUrl();
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

    /** The JWKS of {@link TestJwts}' key, as user-service serves its own. */
    private static HttpServer serveTestJwks() throws IOException {
        byte[] body = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            jwks.stop(0);
        }
    }
}
