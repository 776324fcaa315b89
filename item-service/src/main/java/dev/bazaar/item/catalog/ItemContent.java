package dev.bazaar.item.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a shopper can see of an item: everything but its identity and versions. Two contents that
 * are {@link #sameAs} each other are the same item to every consumer, so re-receiving one emits
 * nothing.
 */
public record ItemContent(
        String title,
        String brand,
        List<String> categoryPath,
        Money price,
        Money mrp,
        List<String> images,
        String description,
        Map<String, Object> attributes,
        SizeClass sizeClass,
        boolean active) {

    /** Separator of category levels, as suppliers (and the Flipkart sample) write them. */
    public static final String CATEGORY_SEPARATOR = ">>";

    // Sorted properties and map keys: the hash must not depend on the order a supplier sent attributes in.
    private static final JsonMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public ItemContent {
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static ItemContent of(CanonicalItem item) {
        return new ItemContent(
                item.title(),
                item.brand(),
                item.categoryPath(),
                item.price(),
                item.mrp(),
                item.images(),
                item.description(),
                item.attributes(),
                item.sizeClass(),
                item.active());
    }

    public ItemContent withActive(boolean newActive) {
        return new ItemContent(
                title, brand, categoryPath, price, mrp, images, description, attributes, sizeClass, newActive);
    }

    /** Every ancestor path ("A", "A>>B", "A>>B>>C"): an equality match on one lists a whole subtree. */
    public List<String> categoryPrefixes() {
        return categoryPrefixes(categoryPath);
    }

    public static List<String> categoryPrefixes(List<String> path) {
        var prefixes = new java.util.ArrayList<String>(path.size());
        var current = new StringBuilder();
        for (String level : path) {
            if (!current.isEmpty()) {
                current.append(CATEGORY_SEPARATOR);
            }
            current.append(level.trim());
            prefixes.add(current.toString());
        }
        return prefixes;
    }

    /**
     * Whether {@code other} shows shoppers the same item: equal, or written as the same canonical
     * JSON ({@link #hash()}), which also matches contents that differ only in how a value is held
     * (an attribute's 5 read back from the store as an Integer, received as a Long).
     *
     * <p>Contents are compared, not a hash stored with the item: an import creates nearly every
     * item it receives, and hashing each one for a later comparison (canonical JSON and SHA-256)
     * was a sixth of this service's CPU. The hash is computed only for contents that are not equal.
     */
    public boolean sameAs(ItemContent other) {
        return equals(other) || hash().equals(other.hash());
    }

    /**
     * The SHA-256 of the canonical JSON (sorted properties and map keys, as Jackson writes it in
     * UTF-8): equal for contents that differ only in attribute order or in how a number is held.
     * Nothing stores it, so it only has to agree with itself within a release.
     */
    public String hash() {
        try {
            byte[] json = CANONICAL_JSON.writeValueAsBytes(this);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
