package dev.bazaar.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.search.*}: request limits, facet configuration and the two services search calls.
 *
 * @param maxPageSize largest {@code size} a client may ask for
 * @param maxQueryLength longest {@code q}, in characters (a search box, not a document)
 * @param maxWindow Elasticsearch's {@code index.max_result_window}: {@code from + size} beyond it
 *        must use {@code after} (search_after)
 * @param backfillRounds how many Elasticsearch round trips one page may take to replace items that
 *        cannot be delivered
 * @param facetSize buckets per terms facet
 * @param facetAttributes attribute names that get a facet (all attributes can be filtered on)
 * @param priceBoundaries edges of the price facet's buckets, in minor units
 */
@ConfigurationProperties("bazaar.search")
public record SearchProperties(int maxPageSize, int maxQueryLength, int maxWindow, int backfillRounds, int facetSize,
        List<String> facetAttributes, List<Long> priceBoundaries, Serviceability serviceability, Users users) {

    public SearchProperties {
        maxPageSize = maxPageSize > 0 ? maxPageSize : 100;
        maxQueryLength = maxQueryLength > 0 ? maxQueryLength : 200;
        maxWindow = maxWindow > 0 ? maxWindow : 10_000;
        backfillRounds = backfillRounds > 0 ? backfillRounds : 3;
        facetSize = facetSize > 0 ? facetSize : 20;
        facetAttributes = facetAttributes == null ? List.of() : List.copyOf(facetAttributes);
        priceBoundaries = priceBoundaries == null ? List.of() : priceBoundaries.stream().sorted().toList();
        serviceability = serviceability == null ? new Serviceability(null, null) : serviceability;
        users = users == null ? new Users(null, null, null, null, 0) : users;
    }

    /** @param budget the hard limit on all serviceability calls of one search */
    public record Serviceability(URI url, Duration budget) {

        public Serviceability {
            url = url == null ? URI.create("http://127.0.0.1:8086") : url;
            budget = budget == null ? Duration.ofMillis(50) : budget;
        }
    }

    public record Users(URI url, String internalToken, Duration timeout, Duration cacheTtl, long cacheSize) {

        public Users {
            url = url == null ? URI.create("http://127.0.0.1:8081") : url;
            timeout = timeout == null ? Duration.ofMillis(200) : timeout;
            cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
            cacheSize = cacheSize > 0 ? cacheSize : 100_000;
        }
    }
}
