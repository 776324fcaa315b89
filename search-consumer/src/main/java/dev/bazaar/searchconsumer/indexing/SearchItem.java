package dev.bazaar.searchconsumer.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.bazaar.contracts.search.ItemSearchIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One document of the items index ({@code _id} = itemId), field for field as in
 * {@code items-index.json}. Boxed types: a stub written from a stock event has no catalogue fields,
 * and unknown fields (written by a newer mapping) are ignored when read back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchItem(
        String itemId,
        String supplierId,
        String title,
        String brand,
        String description,
        List<String> categoryPath,
        List<String> categoryPrefixes,
        String categoryText,
        Long priceMinor,
        Long mrpMinor,
        String currency,
        Double rating,
        String image,
        String sizeClass,
        List<ItemAttribute> attributes,
        Boolean active,
        Boolean inStock,
        Boolean listed,
        Long catalogVersion,
        Long stockVersion,
        Instant createdAt,
        Instant updatedAt,
        Suggestion suggest) {

    /** A nested attribute: name and value as keywords, so any supplier attribute is filterable. */
    public record ItemAttribute(String name, String value) {}

    /** The completion field: title and brand, with the {@code listed} context search-service filters on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(List<String> input, Map<String, List<String>> contexts) {

        static Suggestion of(List<String> inputs, boolean listed) {
            return inputs.isEmpty()
                    ? null
                    : new Suggestion(inputs, Map.of(ItemSearchIndex.SUGGEST_CONTEXT, List.of(String.valueOf(listed))));
        }
    }

    public long catalogVersionOrZero() {
        return catalogVersion == null ? 0 : catalogVersion;
    }

    public long stockVersionOrZero() {
        return stockVersion == null ? 0 : stockVersion;
    }

    /** Known to the catalogue: a stub from an early stock event is not, until the catalogue event arrives. */
    public boolean knownToCatalogue() {
        return catalogVersionOrZero() > 0;
    }
}
