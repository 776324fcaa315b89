package dev.bazaar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The one HTTP client of the tests: real requests over {@code java.net.http} to a service, the
 * gateway or a started process, as a client on the network makes them (real concurrency, real
 * headers). Immutable: {@link #withHeader}, {@link #withBearer} and {@link #withTimeout} give a copy
 * that adds to every request; headers for one request are name/value pairs after the path.
 *
 * <pre>{@code
 * HttpTestClient users = HttpTestClient.local(port);
 * Response me = users.withBearer(token).get("/api/users/me");
 * users.post("/api/users/login", Map.of("email", email, "password", password));   // JSON through Jackson
 * users.send("POST", "/api/supplier/catalog", "text/csv", BodyPublishers.ofFile(csv), "X-Api-Key", key);
 * }</pre>
 */
public final class HttpTestClient {

    /** The JSON mapper of request bodies and {@link Response#json()}; tests may use it for their own bodies. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Per request unless {@link #withTimeout}: generous, only there to turn a hang into a failure. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // One connection pool for every test of a JVM; each service's port is its own pool entry.
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final List<String> headers;
    private final Duration timeout;

    /** A client of {@code baseUrl} ({@code http://host:port}, no trailing slash); paths are appended. */
    public HttpTestClient(String baseUrl) {
        this(baseUrl, List.of(), DEFAULT_TIMEOUT);
    }

    private HttpTestClient(String baseUrl, List<String> headers, Duration timeout) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.timeout = timeout;
    }

    /** A service under test on this machine ({@code @LocalServerPort}). */
    public static HttpTestClient local(int port) {
        return new HttpTestClient("http://127.0.0.1:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A copy that sends this header with every request. */
    public HttpTestClient withHeader(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new HttpTestClient(baseUrl, List.copyOf(more), timeout);
    }

    /** A copy that sends {@code Authorization: Bearer <token>} with every request. */
    public HttpTestClient withBearer(String token) {
        return withHeader("Authorization", bearer(token));
    }

    /** A copy whose requests may take this long (a large upload). */
    public HttpTestClient withTimeout(Duration timeout) {
        return new HttpTestClient(baseUrl, headers, timeout);
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, BodyPublishers.noBody(), headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, BodyPublishers.noBody(), headers);
    }

    /** POST with a JSON body, as {@link #sendJson}. */
    public Response post(String path, Object json, String... headers) {
        return sendJson("POST", path, json, headers);
    }

    /** PUT with a JSON body, as {@link #sendJson}. */
    public Response put(String path, Object json, String... headers) {
        return sendJson("PUT", path, json, headers);
    }

    /**
     * A request with a JSON body: a {@code String} is sent as written (malformed JSON too), anything
     * else as Jackson writes it; {@code null} sends no body and no Content-Type.
     */
    public Response sendJson(String method, String path, Object json, String... headers) {
        if (json == null) {
            return send(method, path, null, BodyPublishers.noBody(), headers);
        }
        String text = json instanceof String written ? written : JSON.writeValueAsString(json);
        return send(method, path, "application/json", BodyPublishers.ofString(text), headers);
    }

    /**
     * Any request: {@code contentType} may be null (no body, or a test of a missing header), the body
     * any publisher (a file, a stream generated while it is sent).
     */
    public Response send(String method, String path, String contentType, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        addPairs(request, this.headers.toArray(String[]::new));
        addPairs(request, headers);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void addPairs(HttpRequest.Builder request, String[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name/value pairs: " + List.of(pairs));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            request.header(pairs[i], pairs[i + 1]);
        }
    }

    /** An answer: status, headers and the body as text, read as JSON on demand. */
    public record Response(int status, HttpHeaders headers, String body) {

        /** The body as JSON; a JSON null for an empty or non-JSON body, so {@code path(…)} reads as missing. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                return NullNode.getInstance();
            }
        }

        /** A JSON object body as a map (numbers as Integer/Long/Double, as Jackson reads them). */
        public Map<String, Object> jsonMap() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        }

        /** A top-level text field of a JSON body; empty when absent. */
        public String text(String field) {
            return json().path(field).asString();
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The Content-Type, or empty when there is none. */
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}
