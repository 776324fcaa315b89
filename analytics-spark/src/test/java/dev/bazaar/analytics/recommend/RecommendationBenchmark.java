package dev.bazaar.analytics.recommend;

import dev.bazaar.analytics.SparkSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./bazaar bench recommendations}: the offline evaluation. Generates a shop with planted tastes
 * ({@link PlantedTastes}), holds out its last {@code --held-out-days}, and prints precision@10,
 * recall@10 and nDCG@10 of ALS (the run's own weights, decay, ALS settings and top-N) beside a
 * popularity baseline from the same training data. Exits 1 unless ALS beats popularity on all three.
 *
 * <p>Flags (defaults a run of about a minute on 2 cores): {@code --users 2000 --items 500 --seed 23
 * --held-out-days 12 --rank 16 --reg-param 0.1 --alpha 10 --max-iter 10} (ALS flags default to
 * {@link AlsTuning#standard()}).
 */
public final class RecommendationBenchmark {

    public static void main(String[] args) {
        Map<String, String> flags = flags(args);
        int users = Integer.parseInt(flags.getOrDefault("users", "2000"));
        int items = Integer.parseInt(flags.getOrDefault("items", "500"));
        long seed = Long.parseLong(flags.getOrDefault("seed", "23"));
        int heldOutDays = Integer.parseInt(flags.getOrDefault("held-out-days", "12"));
        AlsTuning standard = AlsTuning.standard();
        AlsTuning als = standard.withRank(Integer.parseInt(flags.getOrDefault("rank", String.valueOf(standard.rank()))))
                .withRegParam(Double.parseDouble(flags.getOrDefault("reg-param", String.valueOf(standard.regParam()))))
                .withAlpha(Double.parseDouble(flags.getOrDefault("alpha", String.valueOf(standard.alpha()))))
                .withMaxIter(Integer.parseInt(flags.getOrDefault("max-iter", String.valueOf(standard.maxIter()))));
        RecommendationSettings settings = new RecommendationSettings(
                FeedbackWeights.standard(),
                als,
                RecommendationSettings.standard().bestsellerWindow());

        PlantedTastes shop = PlantedTastes.of(users, items, seed);
        Instant cutoff = shop.now().minus(Duration.ofDays(heldOutDays));
        SparkSession spark = SparkSessions.create("bazaar-bench-recommendations");
        OfflineEvaluation.Result result = OfflineEvaluation.run(spark, shop, cutoff, settings, 10);
        spark.stop();

        System.out.printf(
                "Shop: %d users, %d items, %d categories, %d days; %d train signals, %d held-out signals (last %d days); %d users evaluated%n",
                users,
                items,
                shop.categories(),
                shop.days(),
                result.trainSignals(),
                result.testSignals(),
                heldOutDays,
                result.usersEvaluated());
        System.out.printf(
                "ALS rank %d, regParam %s, alpha %s, maxIter %d; weights %s%n",
                als.rank(), als.regParam(), als.alpha(), als.maxIter(), settings.weights());
        System.out.printf("ALS         %s%n", result.als());
        System.out.printf("Popularity  %s%n", result.popularity());
        System.out.printf(
                "Training and top-N %.1f s, whole run %.1f s%n",
                result.training().toMillis() / 1000.0, result.total().toMillis() / 1000.0);
        if (!result.als().beatsOnAll(result.popularity())) {
            System.out.println("FAIL: ALS does not beat popularity on all three metrics");
            System.exit(1);
        }
        System.out.println("OK: ALS beats popularity on precision@10, recall@10 and nDCG@10");
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("usage: RecommendationBenchmark [--users N] [--items N] [--seed N] "
                        + "[--held-out-days N] [--rank N] [--reg-param X] [--alpha X] [--max-iter N]");
                System.exit(2);
            }
            flags.put(args[i].substring(2), args[++i]);
        }
        return flags;
    }

    private RecommendationBenchmark() {}
}
