package dev.bazaar.starter.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.contracts.Pincodes;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pincode of a signed-in shopper's default address, from user-service's internal endpoint
 * ({@code X-Internal-Token}), cached in-process for {@code cacheTtl}: a shopper pages through many
 * results or reloads a cart and should not cost user-service a call each time. "No default address"
 * (404) is cached too; failures are not (the caller goes on without a pincode and the next request
 * asks again). An address changed in user-service is seen here after at most the TTL.
 */
public class DefaultPincodes {

    /**
     * A service's {@code users} settings (search-service's {@code bazaar.search.users}, cart-service's
     * {@code bazaar.cart.users}).
     *
     * @param url user-service ({@code BAZAAR_USERS_URL}), asked for a signed-in shopper's default address
     * @param internalToken the secret user-service's {@code /internal/**} endpoints require
     *        ({@code BAZAAR_INTERNAL_TOKEN}); only the {@code local} profile fills in a development value
     * @param timeout how long a request waits for the default address
     * @param cacheTtl how long a default address is cached
     * @param cacheSize how many default addresses are cached
     */
    public record Settings(
            URI url,

            @NotBlank(
                    message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a "
                            + "default outside the 'local' profile")
            String internalToken,

            @DefaultValue("200ms") Duration timeout,
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("100000") long cacheSize) {}

    private static final PeerFailureLog failures = new PeerFailureLog(LoggerFactory.getLogger(DefaultPincodes.class));

    private final Settings users;
    private final HttpClient http;
    private final JsonMapper json;
    private final Cache<String, Optional<String>> cache;

    public DefaultPincodes(Settings users, JsonMapper json) {
        this.users = users;
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
                failures.failed("user-service answered {} for a default address", response.statusCode());
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
            failures.failed("default address of a user unavailable: {}", e.toString());
            return null;
        }
    }
}
