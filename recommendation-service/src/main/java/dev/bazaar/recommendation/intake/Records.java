package dev.bazaar.recommendation.intake;

import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.recommendation.store.Ranked;
import java.util.List;

/** The checks every consumed record passes before it is stored; a failure sends it to the DLT. */
final class Records {

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The list's items, each with an item id and a finite score; an absent list is malformed. */
    static List<Ranked> ranked(List<RecommendationsComputed.Scored> items, String what) {
        require(items != null, what + " without items");
        return items.stream()
                .map(item -> {
                    require(
                            item != null && present(item.itemId()) && Double.isFinite(item.score()),
                            what + " with an item without itemId or a finite score");
                    return new Ranked(item.itemId(), item.score());
                })
                .toList();
    }

    /** A category as the job names it; blank would be a key no storefront can ask for. */
    static void requireCategory(String category, String what) {
        require(category == null || present(category), what + " with a blank category");
    }

    private Records() {}
}
