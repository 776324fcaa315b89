package dev.bazaar.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OPS APIs the demo stock needs, through the gateway as an operator calls them: the demo OPS
 * login ({@code POST /api/users/login}), serviceability's warehouses ({@code GET
 * /api/ops/logistics/warehouses}) and inventory's receipts and stock read ({@code
 * /api/ops/inventory/**}).
 */
final class OpsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 429 (the gateway's per-user rate limit) and a service still starting are asked again. */
    private static final int ATTEMPTS = 30;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearer;

    OpsApi(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.bearer = "Bearer " + accessToken;
    }

    static OpsApi login(String baseUrl, DemoAccounts accounts) {
        String url = baseUrl.replaceAll("/+$", "");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/users/login"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", accounts.opsEmail(), "password", accounts.opsPassword()))))
                .build();
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() != 200) {
            throw new DemoFailure("the demo OPS login (" + accounts.opsEmail() + ") answered " + response.statusCode()
                    + ": " + response.body());
        }
        return new OpsApi(
                url, JSON.readTree(response.body()).path("accessToken").asString());
    }

    /** The logistics network's warehouse ids. */
    List<String> warehouses() {
        JsonNode answer = JSON.readTree(get("/api/ops/logistics/warehouses").body());
        List<String> ids = new ArrayList<>();
        answer.forEach(warehouse -> ids.add(warehouse.path("id").asString()));
        return ids;
    }

    /** Whether inventory-service has ever received this item in this warehouse (404: never any stock). */
    boolean everReceived(String itemId, String warehouseId) {
        HttpResponse<String> response =
                call(HttpRequest.newBuilder(URI.create(baseUrl + "/api/ops/inventory/items/" + itemId))
                        .GET());
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new DemoFailure("GET /api/ops/inventory/items/" + itemId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        for (JsonNode level : JSON.readTree(response.body()).path("warehouses")) {
            if (warehouseId.equals(level.path("warehouseId").asString())) {
                return true;
            }
        }
        return false;
    }

    /** {@code POST /api/ops/inventory/receipts}: 201, also when inventory-service had it already. */
    void receive(StockPlan.Receipt receipt) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(baseUrl + "/api/ops/inventory/receipts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(receipt))));
        if (response.statusCode() != 201) {
            throw new DemoFailure(
                    "receipt " + receipt.receiptId() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response =
                call(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        if (response.statusCode() != 200) {
            throw new DemoFailure(
                    "GET " + baseUrl + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> call(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", bearer)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build();
        return sendRetrying(http, request);
    }

    /**
     * The request, asked again while the gateway answers busy (429, its rate limit) or a service behind it is
     * not there yet (502–504), after the answer's {@code Retry-After} or a second; at most {@link #ATTEMPTS}
     * times, then the last answer. Also the demo shoppers' (each signed in: their own rate limit).
     */
    static HttpResponse<String> sendRetrying(HttpClient http, HttpRequest request) {
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            response = send(http, request);
            int status = response.statusCode();
            if (status != 429 && status != 502 && status != 503 && status != 504) {
                return response;
            }
            pause(retryAfter(response).orElse(Duration.ofSeconds(1)));
        }
        return response;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,3}"))
                .map(value -> Duration.ofSeconds(Math.max(1, Long.parseLong(value))));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailure("cannot reach " + request.uri() + " (" + e + "); is the gateway running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while calling " + request.uri(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting to retry", e);
        }
    }
}
