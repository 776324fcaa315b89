package dev.bazaar.wishlist.wishlist;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.wishlist.WishlistProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * cart-service's {@code POST /api/cart/items}, called as the shopper: their bearer token is forwarded,
 * so cart-service checks the owner and its own limits itself. A refusal is passed on as cart-service
 * gave it (status, type, detail, properties such as {@code limit}); no answer is a 503.
 */
@Component
class CartClient {

    private final URI addItem;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;

    CartClient(WishlistProperties properties, JsonMapper json) {
        this.addItem = properties.cartServiceUrl().resolve("/api/cart/items");
        this.timeout = properties.cartServiceTimeout();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * @param idempotencyKey sent as cart-service's {@code Idempotency-Key}: a repeat of this add with
     *     the same key adds nothing there and is answered as the first
     */
    void addOne(String bearerToken, String itemId, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(addItem)
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(Map.of("itemId", itemId, "quantity", 1))))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || !isProblem(response)) {
            throw unavailable("cart-service answered " + status);
        }
        throw refusal(known, json.readTree(response.body()));
    }

    private static boolean isProblem(HttpResponse<byte[]> response) {
        return response.headers()
                .firstValue("Content-Type")
                .filter(type -> type.startsWith("application/problem+json"))
                .isPresent();
    }

    /** cart-service's problem, same status, type, detail and extra properties. */
    private static ApiProblem refusal(HttpStatus status, JsonNode problem) {
        String type = problem.path("type").asString("");
        var refusal = new ApiProblem(
                status,
                type.substring(type.lastIndexOf('/') + 1),
                problem.path("title").asString(status.getReasonPhrase()),
                problem.path("detail").asString(""));
        for (var property : problem.properties()) {
            if (!Map.of("type", 0, "title", 0, "status", 0, "detail", 0, "instance", 0)
                    .containsKey(property.getKey())) {
                refusal.with(property.getKey(), property.getValue());
            }
        }
        return refusal.with("from", "cart-service");
    }

    private static ApiProblem unavailable(String reason) {
        return new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "cart-unavailable",
                        "Cart unavailable",
                        "cart-service did not take the item; the wishlist entry is kept, try again shortly")
                .with("reason", reason);
    }
}
