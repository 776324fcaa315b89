package dev.bazaar.analytics.recommend;

import java.util.List;
import java.util.Set;

/**
 * Top-k ranking metrics with binary relevance, for one user's list against the items they went on to
 * use in the held-out period; a benchmark averages them over users.
 */
final class RankingMetrics {

    /** Hits in the first {@code k} over {@code k}: a short list is not rewarded for being short. */
    static double precisionAt(int k, List<String> recommended, Set<String> relevant) {
        return (double) hits(k, recommended, relevant) / k;
    }

    /** Hits in the first {@code k} over all relevant items. */
    static double recallAt(int k, List<String> recommended, Set<String> relevant) {
        return relevant.isEmpty() ? 0 : (double) hits(k, recommended, relevant) / relevant.size();
    }

    /**
     * DCG of the first {@code k} (a hit at position i, from 0, gains {@code 1/log2(i+2)}) over the DCG of
     * the best possible list (all relevant items first, at most {@code k}).
     */
    static double ndcgAt(int k, List<String> recommended, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, recommended.size()); i++) {
            if (relevant.contains(recommended.get(i))) {
                dcg += gain(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += gain(i);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double gain(int position) {
        return 1 / (Math.log(position + 2) / Math.log(2));
    }

    private static long hits(int k, List<String> recommended, Set<String> relevant) {
        return recommended.stream().limit(k).filter(relevant::contains).count();
    }

    private RankingMetrics() {}
}
