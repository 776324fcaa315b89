package dev.bazaar.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.starter.delivery.Delivery;
import java.util.List;
import java.util.Map;

/**
 * One answer of {@code GET /api/search}.
 *
 * @param total Elasticsearch's exact count of listed items matching the text and filters, before
 *        deliverability: items hidden because they cannot reach the pincode are still counted
 * @param page the page asked for (0 when paging with {@code after})
 * @param pincode the pincode deliverability was checked for, null when none was known
 * @param deliverability how the serviceability check went: OK, TIMEOUT, DOWN, UNKNOWN_PINCODE,
 *        NOT_CHECKED (no pincode)
 * @param nextAfter the cursor of the next page, null when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SearchPage(
        long total,
        int page,
        int size,
        String pincode,
        String deliverability,
        List<Item> items,
        Facets facets,
        String nextAfter) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String itemId,
            String title,
            String brand,
            Price price,
            Price mrp,
            Double rating,
            String image,
            List<String> categoryPath,
            String sizeClass,
            Delivery delivery) {}

    public record Price(long minor, String currency) {}

    public record Facets(
            List<Bucket> brand,
            List<CategoryBucket> category,
            List<PriceBucket> price,
            Map<String, List<Bucket>> attributes) {}

    public record Bucket(String value, long count) {}

    /** @param value the full path to filter with; label its last segment */
    public record CategoryBucket(String value, String label, long count) {}

    /** [from, to) in minor units; null is an open end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriceBucket(Long from, Long to, long count) {}
}
