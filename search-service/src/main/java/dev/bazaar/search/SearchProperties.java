package dev.bazaar.search;

import dev.bazaar.starter.delivery.DefaultPincodes;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import jakarta.validation.Valid;
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
 * @param serviceability serviceability-service and the hard budget per search
 *        ({@code BAZAAR_SERVICEABILITY_URL}, {@code BAZAAR_SERVICEABILITY_BUDGET})
 * @param users user-service, for a signed-in shopper's default pincode (the starter's
 *        {@link DefaultPincodes.Settings})
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

        @DefaultValue ServiceabilityClient.Settings serviceability,
        @Valid @DefaultValue DefaultPincodes.Settings users) {

    public SearchProperties {
        facetAttributes = List.copyOf(facetAttributes);
        priceBoundaries = priceBoundaries.stream().sorted().toList();
    }
}
