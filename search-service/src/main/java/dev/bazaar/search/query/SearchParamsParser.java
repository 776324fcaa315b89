package dev.bazaar.search.query;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.search.SearchProperties;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Turns the query string into {@link SearchParams}, refusing what cannot be served with a 400 that
 * says the limit (so a client can fix its request without reading our code). Unknown parameters are
 * ignored, as browsers and trackers add their own.
 */
@Component
class SearchParamsParser {

    static final String ATTRIBUTE_PREFIX = "attr.";
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE_LENGTH = 256;
    static final int DEFAULT_SIZE = 20;

    private final SearchProperties properties;

    public SearchParamsParser(SearchProperties properties) {
        this.properties = properties;
    }

    public SearchParams parse(MultiValueMap<String, String> query) {
        String q = single(query, "q", "").strip();
        if (q.length() > properties.maxQueryLength()) {
            throw ApiProblem.badRequest(
                            "query-too-long",
                            "q may hold at most " + properties.maxQueryLength() + " characters, got " + q.length())
                    .with("maxLength", properties.maxQueryLength());
        }
        SortOption sort = parseSort(single(query, "sort", "relevance"));
        int page = integer(query, "page", 0);
        if (page < 0) {
            throw ApiProblem.badRequest("invalid-page", "page must be 0 or more, got " + page);
        }
        int size = integer(query, "size", DEFAULT_SIZE);
        if (size < 1 || size > properties.maxPageSize()) {
            throw ApiProblem.badRequest(
                            "invalid-size", "size must be between 1 and " + properties.maxPageSize() + ", got " + size)
                    .with("maxSize", properties.maxPageSize());
        }
        String afterToken = single(query, "after", null);
        SearchCursor after = null;
        if (afterToken != null) {
            if (page != 0) {
                throw ApiProblem.badRequest("invalid-page", "Use either page or after, not both");
            }
            after = SearchCursor.decode(afterToken, sort);
        } else if ((long) (page + 1) * size > properties.maxWindow()) {
            throw ApiProblem.badRequest(
                            "page-too-deep",
                            "page and size reach result " + ((long) (page + 1) * size)
                                    + ", beyond the first " + properties.maxWindow()
                                    + "; page deeper with 'after' (the nextAfter "
                                    + "of the previous answer)")
                    .with("maxWindow", properties.maxWindow());
        }
        Long minPrice = price(query, "minPrice");
        Long maxPrice = price(query, "maxPrice");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw ApiProblem.badRequest(
                    "invalid-price-range", "minPrice (" + minPrice + ") is greater than maxPrice (" + maxPrice + ")");
        }
        String pincode = single(query, "pincode", null);
        if (pincode != null && !Pincodes.isValid(pincode)) {
            throw ApiProblem.badRequest("invalid-pincode", Pincodes.MESSAGE);
        }
        String category = single(query, "category", null);
        if (category != null) {
            category = CategoryPaths.normalise(category);
            if (category.isEmpty() || category.length() > 1_000) {
                throw ApiProblem.badRequest(
                        "invalid-category", "category must be a path such as A>>B, up to 1,000 characters");
            }
        }
        return new SearchParams(
                q,
                category,
                values(query, "brand"),
                minPrice,
                maxPrice,
                attributes(query),
                sort,
                page,
                size,
                pincode,
                after);
    }

    private static SortOption parseSort(String value) {
        return SortOption.parse(value)
                .orElseThrow(() -> ApiProblem.badRequest(
                                "invalid-sort", "sort must be one of " + String.join(", ", SortOption.apiNames()))
                        .with("allowed", SortOption.apiNames()));
    }

    private static String single(MultiValueMap<String, String> query, String name, String fallback) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw ApiProblem.badRequest("invalid-parameter", name + " may be given once");
        }
        return values.get(0);
    }

    private static int integer(MultiValueMap<String, String> query, String name, int fallback) {
        String value = single(query, name, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    "invalid-" + name, name + " must be a whole number, got '" + abbreviate(value) + "'");
        }
    }

    private static Long price(MultiValueMap<String, String> query, String name) {
        String value = single(query, name, null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long price = Long.parseLong(value.strip());
            if (price < 0) {
                throw new NumberFormatException();
            }
            return price;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    "invalid-price",
                    name + " must be a non-negative amount in minor units " + "(paise), got '" + abbreviate(value)
                            + "'");
        }
    }

    private static List<String> values(MultiValueMap<String, String> query, String name) {
        List<String> values = query.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
        if (values.size() > MAX_VALUES || values.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
            throw ApiProblem.badRequest(
                    "invalid-filter",
                    name + " accepts at most " + MAX_VALUES + " values of at most " + MAX_VALUE_LENGTH + " characters");
        }
        return values;
    }

    private static Map<String, List<String>> attributes(MultiValueMap<String, String> query) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (String key : query.keySet()) {
            if (key.startsWith(ATTRIBUTE_PREFIX)) {
                String name = key.substring(ATTRIBUTE_PREFIX.length()).strip();
                if (name.isEmpty() || name.length() > MAX_VALUE_LENGTH) {
                    throw ApiProblem.badRequest("invalid-filter", "attribute filters look like attr.<name>=<value>");
                }
                List<String> values = values(query, key);
                if (!values.isEmpty()) {
                    attributes.put(name, values);
                }
            }
        }
        if (attributes.size() > MAX_VALUES) {
            throw ApiProblem.badRequest("invalid-filter", "at most " + MAX_VALUES + " attribute filters");
        }
        return attributes;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
