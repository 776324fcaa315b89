package dev.bazaar.search.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validated search request. Prices are in minor units (paise), like every amount in Bazaar.
 *
 * @param q the shopper's text, trimmed; empty means browse
 * @param category a category path such as {@code Clothing>>Women's Clothing} (the subtree is matched)
 * @param attributes attribute name → accepted values ({@code attr.Color=Red&attr.Color=Blue})
 * @param after where the previous page stopped, or null for {@code page}-based paging
 */
record SearchParams(
        String q,
        String category,
        List<String> brands,
        Long minPrice,
        Long maxPrice,
        Map<String, List<String>> attributes,
        SortOption sort,
        int page,
        int size,
        String pincode,
        SearchCursor after) {

    public boolean hasText() {
        return !q.isEmpty();
    }

    /** The filters as the {@code SearchPerformed} event carries them: flat strings, absent when unset. */
    public Map<String, String> filtersForEvent() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (category != null) {
            filters.put("category", category);
        }
        if (!brands.isEmpty()) {
            filters.put("brand", String.join("|", brands));
        }
        if (minPrice != null) {
            filters.put("minPrice", minPrice.toString());
        }
        if (maxPrice != null) {
            filters.put("maxPrice", maxPrice.toString());
        }
        attributes.forEach((name, values) -> filters.put("attr." + name, String.join("|", values)));
        filters.put("sort", sort.apiName());
        if (pincode != null) {
            filters.put("pincode", pincode);
        }
        return filters;
    }
}
