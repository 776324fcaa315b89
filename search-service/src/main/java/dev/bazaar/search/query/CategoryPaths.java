package dev.bazaar.search.query;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Category paths as the index stores them: segments joined with {@code >>} without spaces
 * ({@code categoryPrefixes} holds every ancestor path of an item, so a subtree filter is one term).
 * Clients may write {@code "Clothing >> Women's Clothing"}; the spaces around separators are dropped.
 */
final class CategoryPaths {

    public static final String SEPARATOR = ">>";

    public static String normalise(String path) {
        return Arrays.stream(path.split(SEPARATOR))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
    }

    public static List<String> segments(String path) {
        return Arrays.stream(path.split(SEPARATOR))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The last segment, the label a facet shows. */
    public static String label(String path) {
        int at = path.lastIndexOf(SEPARATOR);
        return at < 0 ? path : path.substring(at + SEPARATOR.length());
    }

    /**
     * A Lucene regular expression (terms aggregation {@code include}) matching the direct children of
     * {@code parent}, or the top level when it is null: every character of the parent is escaped.
     */
    public static String childrenPattern(String parent) {
        String child = "[^>]+";
        if (parent == null) {
            return child;
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : (parent + SEPARATOR).toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped + child;
    }

    private CategoryPaths() {}
}
