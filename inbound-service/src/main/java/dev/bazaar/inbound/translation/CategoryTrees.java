package dev.bazaar.inbound.translation;

import java.util.Arrays;
import java.util.List;

/** Flipkart's {@code ["Clothing >> Women's Clothing >> Shorts"]} to {@code [Clothing, Women's Clothing, Shorts]}. */
final class CategoryTrees {

    public static List<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String tree = raw.strip();
        // The value is a one-element JSON-ish array of a quoted string; the brackets and quotes are decoration.
        if (tree.startsWith("[") && tree.endsWith("]")) {
            tree = tree.substring(1, tree.length() - 1).strip();
        }
        if (tree.length() >= 2 && tree.startsWith("\"") && tree.endsWith("\"")) {
            tree = tree.substring(1, tree.length() - 1);
        }
        return Arrays.stream(tree.split(">>"))
                .map(String::strip)
                .filter(level -> !level.isEmpty())
                .toList();
    }

    private CategoryTrees() {}
}
