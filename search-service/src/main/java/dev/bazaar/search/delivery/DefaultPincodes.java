package dev.bazaar.search.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.contracts.Pincodes;
import dev.bazaar.search.SearchProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pincode of a logged-in shopper's default address, from user-service's internal endpoint
 * ({@code X-Internal-Token}), cached in-process for {@code bazaar.search.users.cache-ttl}: a shopper
 * pages through many results and should not cost user-service a call per page. "No default address"
 * (404) is cached too; failures are not (the search goes on without a pincode and the next one
 * asks again). An address changed in user-service is seen here after at most the TTL.
 */
@Component
public class DefaultPincodes {

    private static final Logger log = LoggerFactory.getLogger(DefaultPincodes.class);

    private final SearchProperties.Users users;
    private final HttpClient http;
    private final JsonMapper json;
    private final Cache<String, Optional<String>> cache;

    public DefaultPincodes(SearchProperties properties, JsonMapper json) {
        this.users = properties.users();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(users.timeout())
                .build();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(users.cacheTtl())
                .maximumSize(users.cacheSize())
                .build();
    }

    public Optional<String> of(String userId) {
        Optional<String> cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Optional<String> fetched = fetch(userId);
        return fetched == null ? Optional.empty() : fetched;
    }

    /** null when user-service could not say (not cached). */
    private Optional<String> fetch(String userId) {
        URI uri = users.url()
                .resolve("/internal/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/default-address");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(users.timeout())
                .header("X-Internal-Token", users.internalToken() == null ? "" : users.internalToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                cache.put(userId, Optional.empty());
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                log.warn("user-service answered {} for a default address", response.statusCode());
                return null;
            }
            JsonNode address = json.readTree(response.body());
            String pincode = address.path("pincode").asString("");
            Optional<String> result = Pincodes.isValid(pincode) ? Optional.of(pincode) : Optional.empty();
            cache.put(userId, result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("default address of a user unavailable: {}", e.toString());
            return null;
        }
    }
}
