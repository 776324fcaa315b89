package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.bazaar.search.SearchProperties;
import dev.bazaar.search.index.SearchIndexNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the Elasticsearch request of a search. Relevance and facet choices (README "Relevance"):
 * <ul>
 * <li>Text is only ever given to {@code multi_match} and {@code match_bool_prefix}, which analyse it
 * as plain words: query syntax or JSON in {@code q} is just more words (never {@code query_string}).</li>
 * <li>Typos: {@code multi_match} (best_fields) over title^3, brand.text^2, categoryText and description
 * with fuzziness AUTO:5,8 (words of up to 4 letters exact, 1 edit from 5 letters, 2 from 8), first
 * letter exact, 75% of the words must match. Short words are exact because at 4 letters one edit
 * turns "sams" into "sam" or "same" and buries the prefix matches a shopper typing means.
 * As-you-type: {@code match_bool_prefix} on title (all words, the last as a prefix, served by the
 * title's {@code index_prefixes}), boosted 5: a prefix query scores a constant, and 5 ranks a
 * title that starts the typed word above weak fuzzy hits in descriptions. Either may match; scores add.</li>
 * <li>Category and the listed flag are query filters (they define the result set the facets count);
 * brand, price and attributes are {@code post_filter}s, and each facet is a filter aggregation with
 * every post filter except its own, so selecting a brand keeps the other brands' counts visible.</li>
 * </ul>
 */
@Component
public class SearchQueryFactory {

    public static final String FACET_BRAND = "brand";
    public static final String FACET_CATEGORY = "category";
    public static final String FACET_PRICE = "price";
    public static final String FACET_ATTRIBUTE = "attr:";
    static final String VALUES = "values";
    static final String NAMED = "named";
    static final String FUZZINESS = "AUTO:5,8";
    static final float PREFIX_BOOST = 5f;

    private final SearchIndexNames index;
    private final SearchProperties properties;

    public SearchQueryFactory(SearchIndexNames index, SearchProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /**
     * @param searchAfter sort values to continue after, or null to start at {@code from}
     * @param withFacets false for back-fill rounds, which only need more hits
     */
    public SearchRequest build(SearchParams params, int from, int size, List<FieldValue> searchAfter,
            boolean withFacets) {
        Map<String, Query> postFilters = postFilters(params);
        return SearchRequest.of(s -> {
            s.index(index.alias())
                    .query(mainQuery(params))
                    .size(size)
                    .sort(sorts(params.sort()))
                    .source(src -> src.filter(f -> f.includes(List.of(IndexedItem.SOURCE_FIELDS))))
                    .trackTotalHits(t -> t.enabled(withFacets));
            if (searchAfter != null) {
                s.searchAfter(searchAfter);
            } else if (from > 0) {
                s.from(from);
            }
            if (!postFilters.isEmpty()) {
                s.postFilter(and(new ArrayList<>(postFilters.values())));
            }
            if (withFacets) {
                s.aggregations(facets(params, postFilters));
            }
            return s;
        });
    }

    Query mainQuery(SearchParams params) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("listed").value(true))));
        if (params.category() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("categoryPrefixes").value(params.category()))));
        }
        Query text = params.hasText() ? text(params.q()) : Query.of(q -> q.matchAll(m -> m));
        return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    }

    static Query text(String q) {
        Query fuzzy = Query.of(x -> x.multiMatch(m -> m.query(q)
                .fields("title^3", "brand.text^2", "categoryText", "description")
                .type(TextQueryType.BestFields)
                .fuzziness(FUZZINESS)
                .prefixLength(1)
                .maxExpansions(50)
                .minimumShouldMatch("75%")));
        Query prefix = Query.of(x -> x.matchBoolPrefix(m -> m.field("title").query(q).operator(Operator.And)
                .boost(PREFIX_BOOST)));
        return Query.of(x -> x.bool(b -> b.should(fuzzy, prefix).minimumShouldMatch("1")));
    }

    /** Keyed by the facet each filter belongs to, so a facet can leave its own filter out. */
    Map<String, Query> postFilters(SearchParams params) {
        Map<String, Query> filters = new java.util.LinkedHashMap<>();
        if (!params.brands().isEmpty()) {
            // brand is a keyword with a lower-casing normalizer: "alisha" finds "Alisha".
            List<FieldValue> brands = params.brands().stream().map(FieldValue::of).toList();
            filters.put(FACET_BRAND, Query.of(q -> q.terms(t -> t.field("brand").terms(v -> v.value(brands)))));
        }
        if (params.minPrice() != null || params.maxPrice() != null) {
            filters.put(FACET_PRICE, Query.of(q -> q.range(r -> r.number(n -> {
                n.field("priceMinor");
                if (params.minPrice() != null) {
                    n.gte(params.minPrice().doubleValue());
                }
                if (params.maxPrice() != null) {
                    n.lte(params.maxPrice().doubleValue());
                }
                return n;
            }))));
        }
        params.attributes().forEach((name, values) -> filters.put(FACET_ATTRIBUTE + name, attribute(name, values)));
        return filters;
    }

    private static Query attribute(String name, List<String> values) {
        List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.nested(n -> n.path("attributes").scoreMode(ChildScoreMode.None)
                .query(inner -> inner.bool(b -> b
                        .filter(f -> f.term(t -> t.field("attributes.name").value(name)))
                        .filter(f -> f.terms(t -> t.field("attributes.value").terms(v -> v.value(accepted))))))));
    }

    private Map<String, Aggregation> facets(SearchParams params, Map<String, Query> postFilters) {
        Map<String, Aggregation> aggs = new java.util.LinkedHashMap<>();
        aggs.put(FACET_BRAND, Aggregation.of(a -> a.filter(except(postFilters, FACET_BRAND))
                .aggregations(VALUES, t -> t.terms(terms -> terms.field("brand.display").size(properties.facetSize())))));
        aggs.put(FACET_CATEGORY, Aggregation.of(a -> a.filter(except(postFilters, null))
                .aggregations(VALUES, t -> t.terms(terms -> terms.field("categoryPrefixes")
                        .include(i -> i.regexp(CategoryPaths.childrenPattern(params.category())))
                        .size(properties.facetSize())))));
        aggs.put(FACET_PRICE, Aggregation.of(a -> a.filter(except(postFilters, FACET_PRICE))
                .aggregations(VALUES, r -> r.range(range -> range.field("priceMinor").ranges(priceRanges())))));
        for (String name : properties.facetAttributes()) {
            aggs.put(FACET_ATTRIBUTE + name, Aggregation.of(a -> a.filter(except(postFilters, FACET_ATTRIBUTE + name))
                    .aggregations(VALUES, n -> n.nested(nested -> nested.path("attributes"))
                            .aggregations(NAMED, f -> f.filter(q -> q.term(t -> t.field("attributes.name").value(name)))
                                    .aggregations(VALUES, t -> t.terms(terms -> terms.field("attributes.value")
                                            .size(properties.facetSize())))))));
        }
        return aggs;
    }

    private List<AggregationRange> priceRanges() {
        List<AggregationRange> ranges = new ArrayList<>();
        Long previous = null;
        for (Long boundary : properties.priceBoundaries()) {
            Long from = previous;
            ranges.add(AggregationRange.of(r -> {
                if (from != null) {
                    r.from(from.doubleValue());
                }
                return r.to(boundary.doubleValue());
            }));
            previous = boundary;
        }
        Long last = previous;
        ranges.add(AggregationRange.of(r -> last == null ? r : r.from(last.doubleValue())));
        return ranges;
    }

    /** All post filters but the one of {@code facet} (null: all of them). */
    private static Query except(Map<String, Query> postFilters, String facet) {
        List<Query> kept = postFilters.entrySet().stream().filter(e -> !e.getKey().equals(facet))
                .map(Map.Entry::getValue).toList();
        return kept.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : and(kept);
    }

    private static Query and(List<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    static List<SortOptions> sorts(SortOption sort) {
        SortOptions byItemId = SortOptions.of(o -> o.field(f -> f.field("itemId").order(SortOrder.Asc)));
        SortOptions primary = switch (sort) {
            case RELEVANCE -> SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            case PRICE_ASC -> SortOptions.of(o -> o.field(f -> f.field("priceMinor").order(SortOrder.Asc)));
            case PRICE_DESC -> SortOptions.of(o -> o.field(f -> f.field("priceMinor").order(SortOrder.Desc)));
            // Unrated items sort as 0 (last): a finite sort value keeps the cursor plain JSON.
            case RATING -> SortOptions.of(o -> o.field(f -> f.field("rating").order(SortOrder.Desc).missing(0.0)));
            case NEWEST -> SortOptions.of(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
        };
        return List.of(primary, byItemId);
    }
}
