package dev.bazaar.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.HttpTestClient.Response;
import dev.bazaar.testing.TestJwts;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The supplier and ops calls inbound's tests repeat, over platform/testing's {@link HttpTestClient}
 * ({@link #http()} for any other request): a supplier with an API key, an import, its status.
 */
public final class InboundClient {

    /** An OPS user's token for the ops API. */
    public static final String OPS = TestJwts.bearer("ops-1", "OPS");

    private final HttpTestClient http;

    public InboundClient(int port) {
        this.http = HttpTestClient.local(port);
    }

    public HttpTestClient http() {
        return http;
    }

    /** Registers a supplier through the ops API and returns a fresh API key for it. */
    public String newSupplierWithKey(String supplierId) {
        Response created = http.post(
                "/api/ops/suppliers",
                Map.of("supplierId", supplierId, "name", "Test " + supplierId),
                "Authorization",
                OPS);
        assertThat(created.status()).isEqualTo(201);
        Response key = http.post("/api/ops/suppliers/" + supplierId + "/api-keys", null, "Authorization", OPS);
        assertThat(key.status()).isEqualTo(201);
        return key.json().get("apiKey").stringValue();
    }

    /** A supplier upload: no header for a null key or content type; up to 5 minutes (a large catalogue). */
    public Response post(String path, String apiKey, String contentType, BodyPublisher body) {
        return http.withTimeout(Duration.ofMinutes(5)).send("POST", path, contentType, body, keyHeader(apiKey));
    }

    public Response importCatalog(String apiKey, String contentType, String body) {
        return post("/api/supplier/catalog", apiKey, contentType, BodyPublishers.ofString(body));
    }

    public Response get(String path, String apiKey) {
        return http.get(path, keyHeader(apiKey));
    }

    public Response delete(String path, String apiKey) {
        return http.delete(path, keyHeader(apiKey));
    }

    /** Waits until the import is COMPLETED (or FAILED) and returns its status document. */
    public JsonNode awaitFinished(String apiKey, String importId, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = get("/api/supplier/imports/" + importId + "?size=500", apiKey)
                    .json();
            String status = last[0].get("status").stringValue();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return last[0];
    }

    private static String[] keyHeader(String apiKey) {
        return apiKey == null ? new String[0] : new String[] {"X-Api-Key", apiKey};
    }
}
