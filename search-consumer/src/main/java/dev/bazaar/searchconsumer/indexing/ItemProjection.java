package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.searchconsumer.indexing.SearchItem.ItemAttribute;
import dev.bazaar.searchconsumer.indexing.SearchItem.Suggestion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The merge rules: how an event changes the stored document. Pure functions, so the rules are unit
 * tested and the writer can re-apply them after a lost race.
 *
 * <p>Catalogue and stock events carry independent version sequences (item-service counts content
 * changes, inventory counts stock changes), so each half of the document is guarded by its own
 * version: a catalogue event applies only if {@code item.version() > catalogVersion}, a stock event
 * only if {@code version > stockVersion}. An event that does not apply returns the current document
 * itself, which the writer recognises as "nothing to write".
 */
final class ItemProjection {

    static final String CATEGORY_SEPARATOR = ">>";
    static final String RATING_ATTRIBUTE = "Rating";
    /** Longer values are not indexed anyway ({@code ignore_above: 256}): keep them out of the source too. */
    static final int MAX_ATTRIBUTE_VALUE_LENGTH = 256;
    /** Each attribute is a nested Lucene document; a runaway supplier row must not create thousands. */
    static final int MAX_ATTRIBUTES = 200;

    public static SearchItem apply(SearchItem current, CatalogItemChanged event) {
        CanonicalItem item = event.item();
        if (current != null && item.version() <= current.catalogVersionOrZero()) {
            return current;
        }
        // No stock event yet (inventory-service may not exist): in stock, so the catalogue is searchable.
        long stockVersion = current == null ? 0 : current.stockVersionOrZero();
        boolean inStock = stockVersion == 0 || Boolean.TRUE.equals(current.inStock());
        boolean active = item.active();
        boolean listed = active && inStock;
        List<String> path = item.categoryPath() == null
                ? List.of()
                : item.categoryPath().stream()
                        .filter(level -> level != null && !level.isBlank())
                        .map(String::trim)
                        .toList();
        Money price = item.price();
        Money mrp = item.mrp();
        Instant createdAt = current != null && current.createdAt() != null ? current.createdAt() : event.occurredAt();
        return new SearchItem(
                item.itemId(),
                item.supplierId(),
                item.title(),
                item.brand(),
                item.description(),
                path,
                categoryPrefixes(path),
                path.isEmpty() ? null : String.join(" > ", path),
                price == null ? null : price.minor(),
                mrp == null ? null : mrp.minor(),
                price != null ? price.currency() : mrp != null ? mrp.currency() : null,
                rating(item.attributes()),
                firstImage(item.images()),
                item.sizeClass() == null ? null : item.sizeClass().name(),
                attributes(item.attributes()),
                active,
                inStock,
                listed,
                item.version(),
                stockVersion,
                createdAt,
                latest(current, event.occurredAt()),
                Suggestion.of(suggestInputs(item.title(), item.brand()), listed));
    }

    public static SearchItem apply(SearchItem current, StockChanged event) {
        if (current != null && event.version() <= current.stockVersionOrZero()) {
            return current;
        }
        boolean inStock = event.inStock();
        if (current == null) {
            // Stock before catalogue: a stub that is not listed until the catalogue completes it.
            return new SearchItem(
                    event.itemId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    inStock,
                    false,
                    0L,
                    event.version(),
                    null,
                    event.occurredAt(),
                    null);
        }
        boolean listed = current.knownToCatalogue() && Boolean.TRUE.equals(current.active()) && inStock;
        return new SearchItem(
                current.itemId(),
                current.supplierId(),
                current.title(),
                current.brand(),
                current.description(),
                current.categoryPath(),
                current.categoryPrefixes(),
                current.categoryText(),
                current.priceMinor(),
                current.mrpMinor(),
                current.currency(),
                current.rating(),
                current.image(),
                current.sizeClass(),
                current.attributes(),
                current.active(),
                inStock,
                listed,
                current.catalogVersion(),
                event.version(),
                current.createdAt(),
                latest(current, event.occurredAt()),
                current.suggest() == null
                        ? null
                        : Suggestion.of(current.suggest().input(), listed));
    }

    /** Every ancestor path ("A", "A>>B", "A>>B>>C"): a term query on one selects a whole subtree. */
    static List<String> categoryPrefixes(List<String> path) {
        List<String> prefixes = new ArrayList<>(path.size());
        StringBuilder current = new StringBuilder();
        for (String level : path) {
            if (!current.isEmpty()) {
                current.append(CATEGORY_SEPARATOR);
            }
            current.append(level);
            prefixes.add(current.toString());
        }
        return prefixes;
    }

    static Double rating(Map<String, Object> attributes) {
        Object value = attribute(attributes, RATING_ATTRIBUTE);
        if (value instanceof Number number) {
            double rating = number.doubleValue();
            return Double.isFinite(rating) ? rating : null;
        }
        if (value instanceof String text) {
            try {
                double rating = Double.parseDouble(text.trim());
                return Double.isFinite(rating) ? rating : null;
            } catch (NumberFormatException e) {
                return null; // "No rating available" in the Flipkart sample
            }
        }
        return null;
    }

    /** Attributes as sorted name/value pairs; a list value gives one pair per element. */
    static List<ItemAttribute> attributes(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return List.of();
        }
        List<ItemAttribute> pairs = new ArrayList<>();
        attributes.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().isBlank())
                .filter(e -> !RATING_ATTRIBUTE.equalsIgnoreCase(e.getKey().trim()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Collection<?> values = e.getValue() instanceof Collection<?> many
                            ? many
                            : List.of(e.getValue() == null ? "" : e.getValue());
                    for (Object value : values) {
                        String text = stringify(value);
                        if (text != null && !text.isBlank() && text.length() <= MAX_ATTRIBUTE_VALUE_LENGTH) {
                            pairs.add(new ItemAttribute(e.getKey().trim(), text));
                        }
                    }
                });
        pairs.sort(Comparator.comparing(ItemAttribute::name).thenComparing(ItemAttribute::value));
        return pairs.size() > MAX_ATTRIBUTES ? List.copyOf(pairs.subList(0, MAX_ATTRIBUTES)) : List.copyOf(pairs);
    }

    private static String stringify(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return null; // nested structures have no single keyword value
        }
        if (value instanceof Double || value instanceof Float) {
            // 4.0 reads as "4" for shoppers and filters; other numbers keep their digits.
            return BigDecimal.valueOf(((Number) value).doubleValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return value.toString().trim();
    }

    private static Object attribute(Map<String, Object> attributes, String name) {
        if (attributes == null) {
            return null;
        }
        return attributes.entrySet().stream()
                .filter(e ->
                        e.getKey() != null && name.equalsIgnoreCase(e.getKey().trim()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String firstImage(List<String> images) {
        return images == null
                ? null
                : images.stream()
                        .filter(i -> i != null && !i.isBlank())
                        .findFirst()
                        .orElse(null);
    }

    /** Completion inputs may not contain the suggester's reserved characters; Elasticsearch would reject the document. */
    static List<String> suggestInputs(String... values) {
        LinkedHashSet<String> inputs = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null) {
                String clean = value.replaceAll("[\\u0000\\u001E\\u001F]", " ").trim();
                if (!clean.isEmpty()) {
                    inputs.add(clean);
                }
            }
        }
        return List.copyOf(inputs);
    }

    private static Instant latest(SearchItem current, Instant occurredAt) {
        Instant previous = current == null ? null : current.updatedAt();
        if (occurredAt == null) {
            return previous;
        }
        return previous != null && previous.isAfter(occurredAt) ? previous : occurredAt;
    }

    private ItemProjection() {}
}
