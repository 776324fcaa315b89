package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.bazaar.search.SearchProperties;
import dev.bazaar.search.index.IndexCalls;
import dev.bazaar.search.shopper.Shopper;
import dev.bazaar.starter.delivery.DefaultPincodes;
import dev.bazaar.starter.delivery.Delivery;
import dev.bazaar.starter.delivery.DeliveryCheck;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A search with deliverability. The first page of a search is one {@code _msearch} of two requests:
 * the hits, and the total with the facets ({@link SearchQueryFactory#summary}, cacheable); a page
 * reached with a cursor asks only for hits and its total (the client has the facets). With a pincode, each
 * round fetches twice the page size (at most {@value ServiceabilityClient#MAX_BATCH}), asks
 * serviceability about those items in one batch, drops the undeliverable ones and, while the page
 * is not full and hits remain, continues with {@code search_after} from the last hit it looked at
 * (at most {@code backfill-rounds} rounds). {@code nextAfter} is the sort key of the last hit the
 * page consumed, so the next page starts right after it, whether that hit was shown or hidden.
 * All serviceability calls of one search share one deadline (the budget); once it is spent the
 * remaining items are shown with delivery UNKNOWN.
 */
@Service
class ItemSearch {

    private final ElasticsearchClient elasticsearch;
    private final SearchQueryFactory queries;
    private final ServiceabilityClient serviceability;
    private final DefaultPincodes defaultPincodes;
    private final SearchProperties properties;

    public ItemSearch(
            ElasticsearchClient elasticsearch,
            SearchQueryFactory queries,
            ServiceabilityClient serviceability,
            DefaultPincodes defaultPincodes,
            SearchProperties properties) {
        this.elasticsearch = elasticsearch;
        this.queries = queries;
        this.serviceability = serviceability;
        this.defaultPincodes = defaultPincodes;
        this.properties = properties;
    }

    public SearchPage search(SearchParams params, Shopper shopper) {
        String pincode = params.pincode();
        if (pincode == null && shopper.userId() != null) {
            pincode = defaultPincodes.of(shopper.userId()).orElse(null);
        }
        int from = params.after() == null ? params.page() * params.size() : 0;
        int fetch = pincode == null
                ? params.size()
                : Math.max(params.size(), Math.min(params.size() * 2, ServiceabilityClient.MAX_BATCH));
        if (params.after() == null) {
            // from + size may not pass Elasticsearch's result window; the parser already checked page * size.
            fetch = Math.max(params.size(), Math.min(fetch, properties.maxWindow() - from));
        }
        long deadline = System.nanoTime() + properties.serviceability().budget().toNanos();

        List<SearchPage.Item> items = new ArrayList<>();
        List<FieldValue> resumeAfter =
                params.after() == null ? null : params.after().values();
        List<FieldValue> lastConsumed = null;
        boolean more = false;
        long total = 0;
        SearchPage.Facets facets = null;
        DeliveryCheck.Outcome outcome = null;
        for (int round = 0; round < properties.backfillRounds() && items.size() < params.size(); round++) {
            boolean first = round == 0;
            List<RequestItem> searches = queries.round(params, first ? from : 0, fetch, resumeAfter, first);
            List<MultiSearchItem<IndexedItem>> answers =
                    IndexCalls.search(elasticsearch, searches, IndexedItem.class, params.after() != null);
            MultiSearchItem<IndexedItem> response = answers.get(0);
            if (first) {
                MultiSearchItem<IndexedItem> summary = answers.get(answers.size() - 1);
                total = summary.hits().total() == null
                        ? 0
                        : summary.hits().total().value();
                facets = answers.size() > 1
                        ? FacetReader.read(summary.aggregations(), properties.facetAttributes())
                        : null;
            }
            List<Hit<IndexedItem>> hits = response.hits().hits();
            DeliveryCheck check = null;
            if (pincode != null && !hits.isEmpty()) {
                check = serviceability.check(pincode, hits.stream().map(Hit::id).toList(), deadline);
                outcome = worst(outcome, check.outcome());
            }
            more = hits.size() == fetch;
            for (Hit<IndexedItem> hit : hits) {
                if (items.size() == params.size()) {
                    more = true;
                    break;
                }
                lastConsumed = hit.sort();
                Delivery delivery = check == null ? null : check.of(hit.id());
                if (delivery != null && delivery.undeliverable()) {
                    continue;
                }
                items.add(item(hit, delivery));
            }
            if (!more || pincode == null) {
                break;
            }
            resumeAfter = lastConsumed;
        }
        String nextAfter = more && lastConsumed != null ? new SearchCursor(params.sort(), lastConsumed).encode() : null;
        String deliverability = pincode == null ? "NOT_CHECKED" : outcome == null ? "OK" : outcome.name();
        return new SearchPage(total, params.page(), params.size(), pincode, deliverability, items, facets, nextAfter);
    }

    /** The outcome a page reports: any failure wins over OK. */
    private static DeliveryCheck.Outcome worst(DeliveryCheck.Outcome current, DeliveryCheck.Outcome next) {
        return current == null || current == DeliveryCheck.Outcome.OK ? next : current;
    }

    private static SearchPage.Item item(Hit<IndexedItem> hit, Delivery delivery) {
        IndexedItem doc = hit.source();
        String currency = doc.currency() == null ? "INR" : doc.currency();
        return new SearchPage.Item(
                hit.id(),
                doc.title(),
                doc.brand(),
                doc.priceMinor() == null ? null : new SearchPage.Price(doc.priceMinor(), currency),
                doc.mrpMinor() == null ? null : new SearchPage.Price(doc.mrpMinor(), currency),
                doc.rating(),
                doc.image(),
                categoryPath(doc.categoryPath()),
                doc.sizeClass(),
                delivery);
    }

    private static List<String> categoryPath(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String path) {
            return CategoryPaths.segments(path);
        }
        return List.of();
    }
}
