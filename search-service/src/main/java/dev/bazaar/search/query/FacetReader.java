package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the facet aggregations of {@link SearchQueryFactory} into the answer's {@code facets}: each
 * facet either at the top level or inside one {@code filtered:N} group.
 */
final class FacetReader {

    /**
     * @param attributeOrder the configured facet attributes, in the order the answer lists them
     */
    static SearchPage.Facets read(Map<String, Aggregate> aggs, List<String> attributeOrder) {
        Map<String, Aggregate> facets = new HashMap<>();
        List<Aggregate> attributeGroups = new ArrayList<>();
        aggs.forEach((key, aggregate) -> {
            Map<String, Aggregate> members = key.startsWith(SearchQueryFactory.GROUP)
                    ? aggregate.filter().aggregations()
                    : Map.of(key, aggregate);
            members.forEach((facet, counts) -> {
                if (facet.equals(SearchQueryFactory.FACET_ATTRIBUTES)) {
                    attributeGroups.add(counts);
                } else {
                    facets.put(facet, counts);
                }
            });
        });
        List<SearchPage.Bucket> brands = terms(facets.get(SearchQueryFactory.FACET_BRAND));
        List<SearchPage.CategoryBucket> categories = terms(facets.get(SearchQueryFactory.FACET_CATEGORY)).stream()
                .map(b -> new SearchPage.CategoryBucket(b.value(), CategoryPaths.label(b.value()), b.count()))
                .toList();
        List<SearchPage.PriceBucket> prices =
                facets.get(SearchQueryFactory.FACET_PRICE).range().buckets().array().stream()
                        .map(FacetReader::price)
                        .toList();
        Map<String, List<SearchPage.Bucket>> byName = new HashMap<>();
        for (Aggregate group : attributeGroups) {
            group.nested()
                    .aggregations()
                    .get(SearchQueryFactory.NAMED)
                    .filter()
                    .aggregations()
                    .get(SearchQueryFactory.NAMES)
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(name -> byName.put(
                            name.key().stringValue(), terms(name.aggregations().get(SearchQueryFactory.VALUES))));
        }
        Map<String, List<SearchPage.Bucket>> attributes = new LinkedHashMap<>();
        for (String name : attributeOrder) {
            List<SearchPage.Bucket> values = byName.get(name);
            if (values != null && !values.isEmpty()) {
                attributes.put(name, values);
            }
        }
        return new SearchPage.Facets(brands, categories, prices, attributes);
    }

    private static List<SearchPage.Bucket> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new SearchPage.Bucket(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static SearchPage.PriceBucket price(RangeBucket bucket) {
        return new SearchPage.PriceBucket(
                bucket.from() == null ? null : bucket.from().longValue(),
                bucket.to() == null ? null : bucket.to().longValue(),
                bucket.docCount());
    }

    private FacetReader() {}
}
