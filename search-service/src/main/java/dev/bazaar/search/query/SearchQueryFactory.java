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
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import dev.bazaar.search.SearchProperties;
import dev.bazaar.search.index.SearchIndexNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds the Elasticsearch request of a search. Relevance and facet choices (README "Relevance"):
 * <ul>
 * <li>Text is only ever given to {@code multi_match} and {@code match_bool_prefix}, which analyse it
 * as plain words: query syntax or JSON in {@code q} is just more words (never {@code query_string}).</li>
 * <li>Typos: {@code multi_match} (best_fields) over title^3, brand.text^2 and categoryText with
 * fuzziness AUTO:5,8 (words of up to 4 letters exact, 1 edit from 5 letters, 2 from 8), first letter
 * exact, 75% of the words must match; the description is a plain {@code match} (its vocabulary is
 * large and noisy, and expanding typos against it was costly). Short words are exact because at 4
 * letters one edit turns "sams" into "sam" or "same" and buries the prefix matches a shopper typing means.
 * As-you-type: {@code match_bool_prefix} on title (all words, the last as a prefix, served by the
 * title's {@code index_prefixes}), boosted 5: a prefix query scores a constant, and 5 ranks a
 * title that starts the typed word above weak fuzzy hits in descriptions. Either may match; scores add.</li>
 * <li>Category and the listed flag are query filters (they define the result set the facets count);
 * brand, price and attributes are {@code post_filter}s, and each facet counts under every post
 * filter except its own, so selecting a brand keeps the other brands' counts visible.</li>
 * </ul>
 */
@Component
class SearchQueryFactory {

    public static final String FACET_BRAND = "brand";
    public static final String FACET_CATEGORY = "category";
    public static final String FACET_PRICE = "price";
    public static final String FACET_ATTRIBUTE = "attr:";
    static final String FACET_ATTRIBUTES = "attributes";
    static final String GROUP = "filtered:";
    static final String VALUES = "values";
    static final String NAMED = "named";
    static final String NAMES = "names";
    static final String FUZZINESS = "AUTO:5,8";
    static final float PREFIX_BOOST = 5f;
    static final String MINIMUM_SHOULD_MATCH = "75%";

    private final SearchIndexNames index;
    private final SearchProperties properties;

    public SearchQueryFactory(SearchIndexNames index, SearchProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /**
     * The searches of one round of {@link ItemSearch}, sent together as one {@code _msearch}: the
     * hits, and on a search's first page also its {@link #summary}. A page reached with a cursor
     * has no facets (the client has those of the first page) and counts its total itself.
     *
     * @param first the first round of the page (later rounds back-fill and need only hits)
     */
    public List<RequestItem> round(
            SearchParams params, int from, int size, List<FieldValue> searchAfter, boolean first) {
        boolean withFacets = first && params.after() == null;
        Query query = mainQuery(params);
        Map<String, Query> postFilters = postFilters(params);
        Query postFilter = postFilters.isEmpty() ? null : and(new ArrayList<>(postFilters.values()));
        RequestItem hits = hits(query, postFilter, params.sort(), from, size, searchAfter, first && !withFacets);
        return withFacets ? List.of(hits, summary(query, postFilter, facets(params, postFilters))) : List.of(hits);
    }

    /**
     * The hits of one round: what to show, in order.
     *
     * @param postFilter all post filters together, or null when there are none
     * @param searchAfter sort values to continue after, or null to start at {@code from}
     * @param countTotal whether Elasticsearch must count every match (only a cursor page's first
     *        round needs it; a first page takes its total from {@link #summary})
     */
    private RequestItem hits(
            Query query,
            Query postFilter,
            SortOption sort,
            int from,
            int size,
            List<FieldValue> searchAfter,
            boolean countTotal) {
        return RequestItem.of(item -> item.header(h -> h.index(index.alias())).body(s -> {
            s.query(query)
                    .size(size)
                    .sort(sorts(sort))
                    .source(src -> src.filter(f -> f.includes(List.of(IndexedItem.SOURCE_FIELDS))))
                    .trackTotalHits(t -> t.enabled(countTotal));
            if (searchAfter != null) {
                s.searchAfter(searchAfter);
            } else if (from > 0) {
                s.from(from);
            }
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            return s;
        }));
    }

    /**
     * The exact total and the facets of a search, in a request of its own with {@code size: 0}:
     * Elasticsearch's shard request cache keeps such answers until the index next changes, so the
     * facets of a popular search are counted once per refresh instead of once per shopper and page
     * size, and the hits request may skip non-competitive matches instead of counting them all.
     */
    private RequestItem summary(Query query, Query postFilter, Map<String, Aggregation> facets) {
        return RequestItem.of(item -> item.header(h -> h.index(index.alias()).requestCache(true))
                .body(s -> {
                    s.query(query).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(facets);
                    if (postFilter != null) {
                        s.postFilter(postFilter);
                    }
                    return s;
                }));
    }

    private Query mainQuery(SearchParams params) {
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
                .fields("title^3", "brand.text^2", "categoryText")
                .type(TextQueryType.BestFields)
                .fuzziness(FUZZINESS)
                .prefixLength(1)
                .maxExpansions(50)
                .minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
        Query description =
                Query.of(x -> x.match(m -> m.field("description").query(q).minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
        Query prefix = Query.of(x -> x.matchBoolPrefix(
                m -> m.field("title").query(q).operator(Operator.And).boost(PREFIX_BOOST)));
        return Query.of(x -> x.bool(b -> b.should(fuzzy, description, prefix).minimumShouldMatch("1")));
    }

    /** Keyed by the facet each filter belongs to, so a facet can leave its own filter out. */
    private Map<String, Query> postFilters(SearchParams params) {
        Map<String, Query> filters = new LinkedHashMap<>();
        if (!params.brands().isEmpty()) {
            // brand is a keyword with a lower-casing normalizer: "alisha" finds "Alisha".
            List<FieldValue> brands =
                    params.brands().stream().map(FieldValue::of).toList();
            filters.put(FACET_BRAND, Query.of(q -> q.terms(t -> t.field("brand").terms(v -> v.value(brands)))));
        }
        if (params.minPrice() != null || params.maxPrice() != null) {
            filters.put(
                    FACET_PRICE,
                    Query.of(q -> q.range(r -> r.number(n -> {
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
        return Query.of(q -> q.nested(n -> n.path("attributes")
                .scoreMode(ChildScoreMode.None)
                .query(inner -> inner.bool(b -> b.filter(
                                f -> f.term(t -> t.field("attributes.name").value(name)))
                        .filter(f -> f.terms(t -> t.field("attributes.value").terms(v -> v.value(accepted))))))));
    }

    /**
     * Facets that exclude the same post filters share one {@code filter} aggregation, and the
     * attribute facets of a group share one {@code nested} pass (terms on the name, then the value):
     * Elasticsearch evaluates a filter aggregation's filter for every matching document, so seven
     * wrappers of the same filter cost seven times one. Facets that no post filter touches sit at
     * the top level, with no filter at all.
     */
    private Map<String, Aggregation> facets(SearchParams params, Map<String, Query> postFilters) {
        Map<Set<String>, Map<String, Aggregation>> groups = new LinkedHashMap<>();
        groupOf(groups, postFilters, FACET_BRAND)
                .put(
                        FACET_BRAND,
                        Aggregation.of(t ->
                                t.terms(terms -> terms.field("brand.display").size(properties.facetSize()))));
        groupOf(groups, postFilters, FACET_CATEGORY)
                .put(
                        FACET_CATEGORY,
                        Aggregation.of(t -> t.terms(terms -> terms.field("categoryPrefixes")
                                .include(i -> i.regexp(CategoryPaths.childrenPattern(params.category())))
                                .size(properties.facetSize()))));
        groupOf(groups, postFilters, FACET_PRICE)
                .put(
                        FACET_PRICE,
                        Aggregation.of(
                                r -> r.range(range -> range.field("priceMinor").ranges(priceRanges()))));
        Map<Set<String>, List<String>> attributeGroups = new LinkedHashMap<>();
        for (String name : properties.facetAttributes()) {
            attributeGroups
                    .computeIfAbsent(excluded(postFilters, FACET_ATTRIBUTE + name), k -> new ArrayList<>())
                    .add(name);
        }
        attributeGroups.forEach((filterKeys, names) -> groups.computeIfAbsent(filterKeys, k -> new LinkedHashMap<>())
                .put(FACET_ATTRIBUTES, attributeFacets(names)));

        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        groups.forEach((filterKeys, facets) -> {
            if (filterKeys.isEmpty()) {
                aggs.putAll(facets);
            } else {
                List<Query> filters = filterKeys.stream().map(postFilters::get).toList();
                aggs.put(
                        GROUP + aggs.size(),
                        Aggregation.of(a -> a.filter(and(filters)).aggregations(facets)));
            }
        });
        return aggs;
    }

    private Map<String, Aggregation> groupOf(
            Map<Set<String>, Map<String, Aggregation>> groups, Map<String, Query> postFilters, String facet) {
        return groups.computeIfAbsent(excluded(postFilters, facet), k -> new LinkedHashMap<>());
    }

    /** The keys of the post filters a facet counts under: all of them but its own. */
    private static Set<String> excluded(Map<String, Query> postFilters, String facet) {
        Set<String> keys = new LinkedHashSet<>(postFilters.keySet());
        keys.remove(facet);
        return keys;
    }

    private Aggregation attributeFacets(List<String> names) {
        List<FieldValue> wanted = names.stream().map(FieldValue::of).toList();
        return Aggregation.of(n -> n.nested(nested -> nested.path("attributes"))
                .aggregations(
                        NAMED,
                        f -> f.filter(q ->
                                        q.terms(t -> t.field("attributes.name").terms(v -> v.value(wanted))))
                                .aggregations(
                                        NAMES,
                                        byName -> byName.terms(terms -> terms.field("attributes.name")
                                                        .size(names.size()))
                                                .aggregations(
                                                        VALUES,
                                                        t -> t.terms(terms -> terms.field("attributes.value")
                                                                .size(properties.facetSize()))))));
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

    private static Query and(List<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    static List<SortOptions> sorts(SortOption sort) {
        SortOptions byItemId =
                SortOptions.of(o -> o.field(f -> f.field("itemId").order(SortOrder.Asc)));
        SortOptions primary = switch (sort) {
            case RELEVANCE -> SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            case PRICE_ASC ->
                SortOptions.of(o -> o.field(f -> f.field("priceMinor").order(SortOrder.Asc)));
            case PRICE_DESC ->
                SortOptions.of(o -> o.field(f -> f.field("priceMinor").order(SortOrder.Desc)));
            // Unrated items sort as 0 (last): a finite sort value keeps the cursor plain JSON.
            case RATING ->
                SortOptions.of(o ->
                        o.field(f -> f.field("rating").order(SortOrder.Desc).missing(0.0)));
            case NEWEST -> SortOptions.of(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
        };
        return List.of(primary, byItemId);
    }
}
