package dev.bazaar.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bazaar.search.*}: request limits, facet configuration and the two services search calls.
 * Each default is stated once: here, or for a setting read from an environment variable, as that
 * variable's fallback in application.yml (the peers' local addresses, the budget). The secret
 * {@code users.internal-token} has none.
 *
 * @param maxPageSize largest {@code size} a client may ask for
 * @param maxQueryLength longest {@code q}, in characters (a search box, not a document)
 * @param maxWindow Elasticsearch's {@code index.max_result_window}: {@code from + size} beyond it
 *        must use {@code after} (search_after)
 * @param backfillRounds how many Elasticsearch round trips one page may take to replace items that
 *        cannot be delivered
 * @param facetSize buckets per terms facet
 * @param facetAttributes attribute names that get a facet (all attributes can be filtered on)
 * @param priceBoundaries edges of the price facet's buckets, in minor units (paise): below 500,
 *        500-1,000, 1,000-2,500, 2,500-5,000, 5,000 and up (INR)
 */
@Validated
@ConfigurationProperties("bazaar.search")
public record SearchProperties(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("200") int maxQueryLength,
        @DefaultValue("10000") int maxWindow,
        @DefaultValue("3") int backfillRounds,
        @DefaultValue("20") int facetSize,

        @DefaultValue({"Ideal For", "Color", "Type", "Material"})
        List<String> facetAttributes,

        @DefaultValue({"50000", "100000", "250000", "500000"})
        List<Long> priceBoundaries,

        @DefaultValue Serviceability serviceability,
        @Valid @DefaultValue Users users) {

    public SearchProperties {
        facetAttributes = List.copyOf(facetAttributes);
        priceBoundaries = priceBoundaries.stream().sorted().toList();
    }

    /**
     * @param url serviceability-service ({@code BAZAAR_SERVICEABILITY_URL})
     * @param budget the hard limit on all serviceability calls of one search ({@code BAZAAR_SERVICEABILITY_BUDGET})
     */
    public record Serviceability(URI url, Duration budget) {}

    /**
     * @param url user-service ({@code BAZAAR_USERS_URL}), asked for a signed-in shopper's default address
     * @param internalToken the secret user-service's {@code /internal/**} endpoints require
     *        ({@code BAZAAR_INTERNAL_TOKEN}); only the {@code local} profile fills in a development value
     * @param timeout how long a search waits for the default address
     * @param cacheTtl how long a default address is cached
     * @param cacheSize how many default addresses are cached
     */
    public record Users(
            URI url,

            @NotBlank(
                    message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a "
                            + "default outside the 'local' profile")
            String internalToken,

            @DefaultValue("200ms") Duration timeout,
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("100000") long cacheSize) {}
}
