package dev.bazaar.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.recommendations}; each default is stated here and nowhere else (application.yml
 * only maps environment variables to local addresses).
 *
 * @param keyspace the Cassandra keyspace of the tables ({@code recommendations}; tests isolate theirs), created
 *     with its types and tables at the start if missing
 * @param replication the keyspace's replication, as CQL
 * @param retention how long a stored list lives without being written again (a Cassandra TTL): a user, an item
 *     or a category that later training runs no longer compute for disappears instead of being served forever
 * @param itemsPerList the most items served from one list (each list is stored as the job computed it, best
 *     first); bounds the one item-service bulk-get per request
 * @param itemService item-service, whose bulk-get says which items are still active, with their titles and prices
 */
@Validated
@ConfigurationProperties("bazaar.recommendations")
public record RecommendationProperties(
        @DefaultValue("recommendations") @Pattern(regexp = "[a-z][a-z0-9_]{0,47}")
        String keyspace,

        @DefaultValue("{'class': 'SimpleStrategy', 'replication_factor': 1}") @NotBlank
        String replication,

        @DefaultValue("30d") Duration retention,
        @DefaultValue("20") @Min(1) @Max(100) int itemsPerList,
        @Valid @DefaultValue ItemService itemService) {

    /**
     * @param url item-service's base URL: application.yml maps {@code BAZAAR_RECOMMENDATIONS_ITEMSERVICE_URL} with
     *     the local address as its fallback (stated there only, where docker-compose's check reads it)
     * @param timeout how long a read waits for item-service before answering 503
     */
    public record ItemService(
            @NotNull URI url, @DefaultValue("2s") Duration timeout) {}
}
