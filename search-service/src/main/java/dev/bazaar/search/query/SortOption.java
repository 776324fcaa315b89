package dev.bazaar.search.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sorts a shopper can choose. Every sort ends with {@code itemId}, so the order is total: equal
 * prices (or scores) never swap between two requests, which {@code search_after} paging needs.
 */
enum SortOption {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    RATING,
    NEWEST;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SortOption> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(value)).findFirst();
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(SortOption::apiName).toList();
    }
}
