package dev.bazaar.analytics.recommend;

import static dev.bazaar.analytics.AnalyticsSettings.setting;

import java.time.Duration;
import java.util.Map;

/**
 * What a training run weighs and how it trains, beside {@link dev.bazaar.analytics.AnalyticsSettings}
 * (where it reads and publishes). From environment variables or system properties of the same name in
 * lower case with dots, which win: {@code BAZAAR_RECOMMEND_HALF_LIFE} (ISO-8601, default {@code P30D}),
 * {@code BAZAAR_RECOMMEND_BESTSELLER_WINDOW} ({@code P30D}), {@code BAZAAR_ALS_RANK},
 * {@code BAZAAR_ALS_REG_PARAM}, {@code BAZAAR_ALS_ALPHA}, {@code BAZAAR_ALS_MAX_ITER} (defaults:
 * {@link AlsTuning#standard()}).
 *
 * @param weights the signals' weights and their decay
 * @param als the ALS settings
 * @param bestsellerWindow the order units of this last stretch rank the bestsellers
 */
public record RecommendationSettings(FeedbackWeights weights, AlsTuning als, Duration bestsellerWindow) {

    public static RecommendationSettings standard() {
        return new RecommendationSettings(FeedbackWeights.standard(), AlsTuning.standard(), Duration.ofDays(30));
    }

    public static RecommendationSettings fromEnvironment() {
        return from(System.getenv());
    }

    static RecommendationSettings from(Map<String, String> env) {
        RecommendationSettings standard = standard();
        AlsTuning als = standard.als();
        als = als.withRank(Integer.parseInt(setting(env, "BAZAAR_ALS_RANK", String.valueOf(als.rank()))))
                .withRegParam(Double.parseDouble(setting(env, "BAZAAR_ALS_REG_PARAM", String.valueOf(als.regParam()))))
                .withAlpha(Double.parseDouble(setting(env, "BAZAAR_ALS_ALPHA", String.valueOf(als.alpha()))))
                .withMaxIter(Integer.parseInt(setting(env, "BAZAAR_ALS_MAX_ITER", String.valueOf(als.maxIter()))));
        return new RecommendationSettings(
                standard.weights()
                        .withHalfLife(Duration.parse(setting(
                                env,
                                "BAZAAR_RECOMMEND_HALF_LIFE",
                                standard.weights().halfLife().toString()))),
                als,
                Duration.parse(setting(
                        env,
                        "BAZAAR_RECOMMEND_BESTSELLER_WINDOW",
                        standard.bestsellerWindow().toString())));
    }
}
