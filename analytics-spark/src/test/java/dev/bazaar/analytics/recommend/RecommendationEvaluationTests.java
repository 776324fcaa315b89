package dev.bazaar.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.analytics.LocalSpark;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The offline evaluation of {@code ./bazaar bench recommendations}, small: ALS with the run's weights,
 * decay and settings against the most popular items, on a shop with planted tastes; and the metrics'
 * arithmetic.
 */
class RecommendationEvaluationTests {

    @Test
    void alsBeatsPopularityOnPrecisionRecallAndNdcgAtTen() {
        PlantedTastes shop = PlantedTastes.of(400, 150, 23);

        OfflineEvaluation.Result result = OfflineEvaluation.run(
                LocalSpark.session(),
                shop,
                shop.now().minus(Duration.ofDays(12)),
                RecommendationSettings.standard(),
                10);

        System.out.printf("ALS         %s%nPopularity  %s%n", result.als(), result.popularity());
        assertThat(result.usersEvaluated()).isGreaterThan(250);
        assertThat(result.als().precision()).isGreaterThan(result.popularity().precision());
        assertThat(result.als().recall()).isGreaterThan(result.popularity().recall());
        assertThat(result.als().ndcg()).isGreaterThan(result.popularity().ndcg());
    }

    @Test
    void precisionCountsHitsInTheFirstKOverK() {
        // Hits b and d in the first 4: 2 / 4; e is fifth, outside; a list shorter than k is not rewarded.
        assertThat(RankingMetrics.precisionAt(4, List.of("a", "b", "c", "d", "e"), Set.of("b", "d", "e")))
                .isEqualTo(0.5);
        assertThat(RankingMetrics.precisionAt(4, List.of("b"), Set.of("b"))).isEqualTo(0.25);
    }

    @Test
    void recallCountsHitsInTheFirstKOverEveryRelevantItem() {
        // b and d of b, d, e, f: 2 / 4.
        assertThat(RankingMetrics.recallAt(4, List.of("a", "b", "c", "d", "e"), Set.of("b", "d", "e", "f")))
                .isEqualTo(0.5);
        assertThat(RankingMetrics.recallAt(4, List.of("a"), Set.of())).isZero();
    }

    @Test
    void ndcgRewardsHitsNearTheTop() {
        // Hits at positions 1 and 3 (from 0): DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161;
        // ideal, two hits first: 1/log2(2) + 1/log2(3) = 1 + 0.63093 = 1.63093; 1.06161 / 1.63093 = 0.65092.
        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "c", "d"), Set.of("b", "d")))
                .isCloseTo(0.65092, within(1e-5));
        // The same hits first: 1.
        assertThat(RankingMetrics.ndcgAt(10, List.of("b", "d", "a", "c"), Set.of("b", "d")))
                .isEqualTo(1.0);
        // No hit: 0.
        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "c"), Set.of("b"))).isZero();
    }
}
