package dev.bazaar.recommendation.store;

import java.util.Locale;

/**
 * How a category is keyed in the tables: lower-cased ({@link Locale#ROOT}, so a Turkish locale cannot change
 * "I"), so a storefront that asks for "electronics" finds what the job published under "Electronics"; the
 * overall list (no category) under {@link #OVERALL}, which no category can be (it is not a letter or digit).
 */
public final class Categories {

    public static final String OVERALL = "*";

    /** The key of {@code category}; {@link #OVERALL} for null. */
    public static String key(String category) {
        return category == null ? OVERALL : category.strip().toLowerCase(Locale.ROOT);
    }

    private Categories() {}
}
