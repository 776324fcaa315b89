package dev.bazaar.user;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the service under test (RANDOM_PORT), so concurrency is real too. */
public final class Api {

    public record Response(int status, String contentType, JsonNode json, HttpResponse<String> raw) {
        public String text(String field) {
            return json.path(field).asString();
        }
    }

    /** A registered, logged-in user. */
    public record Session(String userId, String email, String password, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public static final String PASSWORD = "correct-horse-42";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send(json(path, "POST", body), headers);
    }

    public Response put(String path, Object body, String... headers) {
        return send(json(path, "PUT", body), headers);
    }

    public Response postRaw(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Session newUser() {
        String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        Response registered = post("/api/users/register", Map.of("email", email, "password", PASSWORD, "name", "Test User"));
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.raw().body());
        }
        return login(email, PASSWORD, registered.text("id"));
    }

    public Session login(String email, String password, String userId) {
        Response tokens = post("/api/users/login", Map.of("email", email, "password", password));
        if (tokens.status() != 200) {
            throw new IllegalStateException("login failed: " + tokens.status() + " " + tokens.raw().body());
        }
        return new Session(userId, email, password, tokens.text("accessToken"), tokens.text("refreshToken"));
    }

    public static Map<String, Object> address(String recipient, String pincode) {
        return Map.of("recipient", recipient, "line1", "12 MG Road", "city", "Bengaluru", "state", "Karnataka",
                "pincode", pincode);
    }

    private HttpRequest.Builder json(String path, String method, Object body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.nullNode();
        }
    }
}
