package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the facet aggregations of {@link SearchQueryFactory} into the answer's {@code facets}. */
final class FacetReader {

    static SearchPage.Facets read(Map<String, Aggregate> aggs) {
        List<SearchPage.Bucket> brands = terms(inner(aggs.get(SearchQueryFactory.FACET_BRAND)));
        List<SearchPage.CategoryBucket> categories = terms(inner(aggs.get(SearchQueryFactory.FACET_CATEGORY))).stream()
                .map(b -> new SearchPage.CategoryBucket(b.value(), CategoryPaths.label(b.value()), b.count())).toList();
        List<SearchPage.PriceBucket> prices = inner(aggs.get(SearchQueryFactory.FACET_PRICE)).range().buckets().array()
                .stream().map(FacetReader::price).toList();
        Map<String, List<SearchPage.Bucket>> attributes = new LinkedHashMap<>();
        aggs.forEach((key, aggregate) -> {
            if (key.startsWith(SearchQueryFactory.FACET_ATTRIBUTE)) {
                Aggregate named = inner(aggregate).nested().aggregations().get(SearchQueryFactory.NAMED);
                List<SearchPage.Bucket> values = terms(named.filter().aggregations().get(SearchQueryFactory.VALUES));
                if (!values.isEmpty()) {
                    attributes.put(key.substring(SearchQueryFactory.FACET_ATTRIBUTE.length()), values);
                }
            }
        });
        return new SearchPage.Facets(brands, categories, prices, attributes);
    }

    /** Each facet is a filter aggregation around the aggregation that counts. */
    private static Aggregate inner(Aggregate filter) {
        return filter.filter().aggregations().get(SearchQueryFactory.VALUES);
    }

    private static List<SearchPage.Bucket> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new SearchPage.Bucket(b.key().stringValue(), b.docCount())).toList();
    }

    private static SearchPage.PriceBucket price(RangeBucket bucket) {
        return new SearchPage.PriceBucket(bucket.from() == null ? null : bucket.from().longValue(),
                bucket.to() == null ? null : bucket.to().longValue(), bucket.docCount());
    }

    private FacetReader() {
    }
}
