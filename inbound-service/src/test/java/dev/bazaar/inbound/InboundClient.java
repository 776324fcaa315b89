package dev.bazaar.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.TestJwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the service over real HTTP, as a supplier or an ops user would. */
public final class InboundClient {

    public record Response(int status, String contentType, String location, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public InboundClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Registers a supplier through the ops API and returns a fresh API key for it. */
    public String newSupplierWithKey(String supplierId) {
        Response created = send(HttpRequest.newBuilder(uri("/api/ops/suppliers"))
                .header("Authorization", TestJwts.bearer("ops-1", "OPS"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"supplierId\":\"" + supplierId + "\",\"name\":\"Test " + supplierId + "\"}")));
        assertThat(created.status()).isEqualTo(201);
        Response key = send(HttpRequest.newBuilder(uri("/api/ops/suppliers/" + supplierId + "/api-keys"))
                .header("Authorization", TestJwts.bearer("ops-1", "OPS"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(key.status()).isEqualTo(201);
        return key.body().get("apiKey").stringValue();
    }

    public Response post(String path, String apiKey, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body).timeout(Duration.ofMinutes(5));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Response importCatalog(String apiKey, String contentType, String body) {
        return post("/api/supplier/catalog", apiKey, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    public Response get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", apiKey).GET());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the import is COMPLETED (or FAILED) and returns its status document. */
    public JsonNode awaitFinished(String apiKey, String importId, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = get("/api/supplier/imports/" + importId + "?size=500", apiKey).body();
            String status = last[0].get("status").stringValue();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return last[0];
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
