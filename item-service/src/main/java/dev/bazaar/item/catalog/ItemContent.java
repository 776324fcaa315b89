package dev.bazaar.item.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a shopper can see of an item: everything but its identity and versions. Two contents with
 * the same {@link #hash()} are the same item to every consumer, so re-receiving one emits nothing.
 */
public record ItemContent(String title, String brand, List<String> categoryPath, Money price, Money mrp,
        List<String> images, String description, Map<String, Object> attributes, SizeClass sizeClass,
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
        return new ItemContent(item.title(), item.brand(), item.categoryPath(), item.price(), item.mrp(),
                item.images(), item.description(), item.attributes(), item.sizeClass(), item.active());
    }

    public ItemContent withActive(boolean newActive) {
        return new ItemContent(title, brand, categoryPath, price, mrp, images, description, attributes, sizeClass,
                newActive);
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
     * The SHA-256 of the canonical JSON's UTF-8 text. Jackson writes that text straight as UTF-8
     * bytes, which cost half as much as a String, except for an unpaired surrogate: the bytes hold it
     * as an escape (backslash, 'u', D800 to DFFF) where the String's encoding has '?'. Bytes with
     * such an escape are written again through a String.
     */
    public String hash() {
        byte[] json = CANONICAL_JSON.writeValueAsBytes(this);
        if (mayHoldUnpairedSurrogate(json)) {
            json = CANONICAL_JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Any escape of D800 to DFFF in the JSON. A supplier's literal text "backslash uD800" (its
     * backslash escaped) counts too: rare, and only slower.
     */
    private static boolean mayHoldUnpairedSurrogate(byte[] json) {
        for (int i = 0; i < json.length - 3; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u' && (json[i + 2] == 'D' || json[i + 2] == 'd')
                    && (json[i + 3] >= '8' && json[i + 3] <= '9' || json[i + 3] >= 'A' && json[i + 3] <= 'F'
                            || json[i + 3] >= 'a' && json[i + 3] <= 'f')) {
                return true;
            }
        }
        return false;
    }
}
