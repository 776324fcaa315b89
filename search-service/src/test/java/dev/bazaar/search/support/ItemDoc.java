package dev.bazaar.search.support;

import dev.bazaar.contracts.search.ItemSearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture document shaped exactly as {@code items-index.json} and search-consumer fill it:
 * categoryPrefixes are the ancestor paths joined with ">>", listed = active and inStock, suggest
 * holds title and brand with the listed context.
 */
public final class ItemDoc {

    public final String itemId;
    String supplierId = "supplier-1";
    public String title;
    public String brand;
    String description;
    public List<String> categoryPath = List.of();
    public Long priceMinor;
    Long mrpMinor;
    String currency = "INR";
    public Double rating;
    String image;
    String sizeClass;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    boolean active = true;
    boolean inStock = true;
    public Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    private ItemDoc(String itemId) {
        this.itemId = itemId;
    }

    public static ItemDoc item(String itemId) {
        return new ItemDoc(itemId);
    }

    public ItemDoc title(String title) {
        this.title = title;
        return this;
    }

    public ItemDoc brand(String brand) {
        this.brand = brand;
        return this;
    }

    public ItemDoc description(String description) {
        this.description = description;
        return this;
    }

    public ItemDoc category(List<String> path) {
        this.categoryPath = List.copyOf(path);
        return this;
    }

    public ItemDoc price(long priceMinor, long mrpMinor) {
        this.priceMinor = priceMinor;
        this.mrpMinor = mrpMinor;
        return this;
    }

    public ItemDoc rating(Double rating) {
        this.rating = rating;
        return this;
    }

    public ItemDoc sizeClass(String sizeClass) {
        this.sizeClass = sizeClass;
        return this;
    }

    public ItemDoc attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public ItemDoc active(boolean active) {
        this.active = active;
        return this;
    }

    public ItemDoc inStock(boolean inStock) {
        this.inStock = inStock;
        return this;
    }

    public ItemDoc createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public ItemDoc image(String image) {
        this.image = image;
        return this;
    }

    public boolean listed() {
        return active && inStock;
    }

    /** Every ancestor path: "A", "A>>B", "A>>B>>C". */
    public List<String> categoryPrefixes() {
        List<String> prefixes = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String level : categoryPath) {
            if (!path.isEmpty()) {
                path.append(">>");
            }
            path.append(level);
            prefixes.add(path.toString());
        }
        return prefixes;
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("itemId", itemId);
        doc.put("supplierId", supplierId);
        doc.put("title", title);
        doc.put("brand", brand);
        doc.put("description", description);
        doc.put("categoryPath", categoryPath);
        doc.put("categoryPrefixes", categoryPrefixes());
        doc.put("categoryText", categoryPath.isEmpty() ? null : String.join(" > ", categoryPath));
        doc.put("priceMinor", priceMinor);
        doc.put("mrpMinor", mrpMinor);
        doc.put("currency", currency);
        doc.put("rating", rating);
        doc.put("image", image);
        doc.put("sizeClass", sizeClass);
        doc.put(
                "attributes",
                attributes.entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                        .toList());
        doc.put("active", active);
        doc.put("inStock", inStock);
        doc.put("listed", listed());
        doc.put("catalogVersion", 1L);
        doc.put("stockVersion", 1L);
        doc.put("createdAt", createdAt.toString());
        doc.put("updatedAt", createdAt.toString());
        List<String> inputs = new ArrayList<>();
        if (title != null) {
            inputs.add(title);
        }
        if (brand != null && !brand.isBlank()) {
            inputs.add(brand);
        }
        doc.put(
                "suggest",
                Map.of(
                        "input",
                        inputs,
                        "contexts",
                        Map.of(ItemSearchIndex.SUGGEST_CONTEXT, List.of(String.valueOf(listed())))));
        return doc;
    }
}
