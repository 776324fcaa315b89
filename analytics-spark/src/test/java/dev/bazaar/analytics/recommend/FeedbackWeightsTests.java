package dev.bazaar.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.analytics.recommend.FeedbackWeights.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighting rules of implicit feedback, one rule a test, the arithmetic in comments. */
class FeedbackWeightsTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final FeedbackWeights weights = FeedbackWeights.standard();

    @Test
    void aSearchSaysLessThanAWishlistAddWhichSaysLessThanACartAddWhichSaysLessThanAnOrder() {
        // One of each, today: 0.5 < 2 < 3 < 5.
        assertThat(weights.decayedWeight(Signal.SEARCH, 1, NOW, NOW)).isEqualTo(0.5);
        assertThat(weights.decayedWeight(Signal.WISHLIST, 1, NOW, NOW)).isEqualTo(2);
        assertThat(weights.decayedWeight(Signal.CART, 1, NOW, NOW)).isEqualTo(3);
        assertThat(weights.decayedWeight(Signal.ORDER, 1, NOW, NOW)).isEqualTo(5);
    }

    @Test
    void weightsOutOfThatOrderAreRefused() {
        assertThatThrownBy(() -> new FeedbackWeights(2, 2, 3, 5, 3, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("search < wishlist < cart < order");
        assertThatThrownBy(() -> new FeedbackWeights(0.5, 2, 3, 5, 3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrderCountsPerUnitUpToTheCap() {
        // 2 units: 2 × 5 = 10; 7 units: capped at 3, 3 × 5 = 15, the same as 3 units.
        assertThat(weights.weight(Signal.ORDER, 2)).isEqualTo(10);
        assertThat(weights.weight(Signal.ORDER, 7)).isEqualTo(15);
        assertThat(weights.weight(Signal.ORDER, 3)).isEqualTo(15);
    }

    @Test
    void aSearchSharesItsWeightWithTheItemsItMatched() {
        // Matched five items: each gets 0.5 × 1/5 = 0.1.
        assertThat(weights.weight(Signal.SEARCH, 0.2)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void aSignalCountsHalfAfterEachHalfLife() {
        // Half-life 30 days: 3 × 2^(-30/30) = 1.5; × 2^(-60/30) = 0.75; 15 days: 3 × 2^(-1/2) = 2.1213.
        assertThat(weights.decayedWeight(Signal.CART, 1, NOW.minus(Duration.ofDays(30)), NOW))
                .isCloseTo(1.5, within(1e-12));
        assertThat(weights.decayedWeight(Signal.CART, 1, NOW.minus(Duration.ofDays(60)), NOW))
                .isCloseTo(0.75, within(1e-12));
        assertThat(weights.decayedWeight(Signal.CART, 1, NOW.minus(Duration.ofDays(15)), NOW))
                .isCloseTo(2.1213, within(1e-4));
    }

    @Test
    void aSignalStampedAfterTheRunStartedCountsAsNew() {
        // Clock skew between services: age below zero is taken as zero, never weight above the base 2.
        assertThat(weights.decayedWeight(Signal.WISHLIST, 1, NOW.plusSeconds(90), NOW))
                .isEqualTo(2);
    }

    @Test
    void theHalfLifeIsASetting() {
        var settings = RecommendationSettings.from(Map.of("BAZAAR_RECOMMEND_HALF_LIFE", "P7D", "BAZAAR_ALS_RANK", "8"));

        // 7 days: a week-old order unit counts 5 × 1/2 = 2.5.
        assertThat(settings.weights().decayedWeight(Signal.ORDER, 1, NOW.minus(Duration.ofDays(7)), NOW))
                .isCloseTo(2.5, within(1e-12));
        assertThat(settings.als().rank()).isEqualTo(8);
        assertThat(RecommendationSettings.from(Map.of())).isEqualTo(RecommendationSettings.standard());
    }
}
