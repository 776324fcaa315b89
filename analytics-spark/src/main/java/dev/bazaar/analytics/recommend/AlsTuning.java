package dev.bazaar.analytics.recommend;

import java.io.Serializable;

/**
 * The settings of implicit-feedback ALS. Chosen with {@code RecommendationBenchmark} (2,000 users × 500
 * items, planted tastes, 60 days, time split); see the comment of {@link #standard()}.
 *
 * @param rank latent factors per user and item
 * @param regParam L2 regularisation (λ)
 * @param alpha how fast confidence grows with the summed weights ({@code c = 1 + α·r})
 * @param maxIter alternating rounds
 * @param seed the random start, fixed so a run is reproducible
 * @param candidates items scored per user before the ordered and inactive ones are dropped and the per
 *     category lists are cut from them
 */
public record AlsTuning(int rank, double regParam, double alpha, int maxIter, long seed, int candidates)
        implements Serializable {

    /**
     * Rank 10, λ 0.1, α 1, 10 rounds. On the benchmark (seed 23, nDCG@10; popularity 0.063): rank 16 α 10
     * gave 0.167, rank 32 0.165 (more factors than the tastes there are overfit), α 40 0.126 (our
     * confidences are already weighted sums of 2 to 15, not the raw counts of the paper's α 40: a high α
     * trusts a few heavy orders over the pattern), α 1 0.195 to 0.208 at rank 8 to 16, λ 0.01 or 1 and
     * 5 or 15 rounds within ±0.01. Rank 10 rather than the benchmark's best 8: a real catalogue has more
     * tastes than its five planted segments. 100 candidates: room for a user's ordered and inactive items
     * and for a few per category.
     */
    public static AlsTuning standard() {
        return new AlsTuning(10, 0.1, 1, 10, 23L, 100);
    }

    public AlsTuning withRank(int value) {
        return new AlsTuning(value, regParam, alpha, maxIter, seed, candidates);
    }

    public AlsTuning withRegParam(double value) {
        return new AlsTuning(rank, value, alpha, maxIter, seed, candidates);
    }

    public AlsTuning withAlpha(double value) {
        return new AlsTuning(rank, regParam, value, maxIter, seed, candidates);
    }

    public AlsTuning withMaxIter(int value) {
        return new AlsTuning(rank, regParam, alpha, value, seed, candidates);
    }
}
