package dev.bazaar.search.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of an index document a result shows. {@code categoryPath} is read as whatever the
 * consumer wrote (a list of segments or one joined string) and normalised to segments.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexedItem(
        String itemId,
        String title,
        String brand,
        Long priceMinor,
        Long mrpMinor,
        String currency,
        Double rating,
        String image,
        Object categoryPath,
        String sizeClass) {

    static final String[] SOURCE_FIELDS = {
        "itemId", "title", "brand", "priceMinor", "mrpMinor", "currency", "rating", "image", "categoryPath", "sizeClass"
    };
}
