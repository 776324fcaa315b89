package dev.bazaar.starter.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * item-service's {@code POST /api/items/bulk-get} for the services that price what a shopper keeps
 * (cart, wishlist): one call per read, up to {@link #MAX_IDS} ids. Unknown ids are simply absent
 * from the answer. When item-service cannot answer within the timeout the read fails with a 503
 * problem: a cart is never priced from a stale or client-sent figure.
 */
public class ItemCatalog {

    /** item-service's own limit per bulk-get. */
    public static final int MAX_IDS = 500;

    /** Sends of one bulk-get when pooled connections turn out closed (see {@link #send}). */
    private static final int ATTEMPTS = 3;

    private final URI bulkGet;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;

    public ItemCatalog(URI itemServiceUrl, Duration timeout, JsonMapper json) {
        this.bulkGet = itemServiceUrl.resolve("/api/items/bulk-get");
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The items that exist, by id. */
    public Map<String, CatalogItem> find(Collection<String> itemIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(itemIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids per call, not " + ids.size());
        }
        HttpRequest request = HttpRequest.newBuilder(bulkGet)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("ids", ids))))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = send(request);
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            throw unavailable("item-service answered " + response.statusCode());
        }
        Map<String, CatalogItem> found = new HashMap<>();
        for (JsonNode item : json.readTree(response.body()).path("items")) {
            JsonNode price = item.path("price");
            found.put(
                    item.path("itemId").asString(),
                    new CatalogItem(
                            item.path("itemId").asString(),
                            item.path("title").asString(),
                            new Money(
                                    price.path("minor").asLong(),
                                    price.path("currency").asString()),
                            item.path("active").asBoolean(),
                            item.path("supplierId").asString(null)));
        }
        return found;
    }

    /**
     * Sends the bulk-get, again (at most {@link #ATTEMPTS} times in all) when it fails on a connection
     * the server had closed: item-service's Tomcat closes a keep-alive connection idle for 60 s, and
     * a request that leaves on a pooled one as it closes fails at once ("header parser received no
     * bytes"; seen in ./bazaar bench cart after a quiet minute). The JDK client retries only GETs
     * itself; a bulk-get only reads, so sending it again is safe. A timeout or a refused connection
     * is not retried: item-service is slow or down.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException | ConnectException e) {
                throw e;
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static ApiProblem unavailable(String reason) {
        return new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "catalog-unavailable",
                        "Catalogue unavailable",
                        "Current prices could not be read from item-service; try again shortly")
                .with("reason", reason);
    }
}
