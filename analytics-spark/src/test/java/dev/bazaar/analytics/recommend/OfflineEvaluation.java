package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import dev.bazaar.analytics.recommend.FeedbackWeights.Signal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * ALS against a popularity baseline on a shop with planted tastes, split in time: the signals before
 * {@code cutoff} train, the items each user went on to wishlist, cart or order after it (and had not
 * touched before) are what a good list holds. Both recommend {@code k} items to every user with
 * history, leaving out the items that user already touched. ALS goes through the run's own code:
 * {@link Interactions#confidences} (weights, decay), {@link AlsTraining}, {@link UserRecommendations}.
 */
final class OfflineEvaluation {

    record Scores(double precision, double recall, double ndcg) {

        boolean beatsOnAll(Scores other) {
            return precision > other.precision && recall > other.recall && ndcg > other.ndcg;
        }

        @Override
        public String toString() {
            return "precision@10 %.4f  recall@10 %.4f  nDCG@10 %.4f".formatted(precision, recall, ndcg);
        }
    }

    record Result(
            long trainSignals,
            long testSignals,
            long usersEvaluated,
            Scores als,
            Scores popularity,
            Duration training,
            Duration total) {}

    static Result run(SparkSession spark, PlantedTastes shop, Instant cutoff, RecommendationSettings settings, int k) {
        long started = System.nanoTime();
        Dataset<Row> signals = shop.signals(spark).cache();
        Dataset<Row> train = signals.filter(col("occurred_at").lt(lit(Timestamp.from(cutoff))))
                .cache();
        Dataset<Row> test = signals.filter(col("occurred_at")
                        .geq(lit(Timestamp.from(cutoff)))
                        .and(col("signal").notEqual(Signal.SEARCH.name())))
                .cache();
        Dataset<Row> touched = train.select("user_id", "item_id").distinct().cache();

        Map<String, Set<String>> owned = byUser(touched.collectAsList());
        Map<String, Set<String>> relevant = byUser(test.select("user_id", "item_id")
                .distinct()
                .join(touched, new String[] {"user_id", "item_id"}, "left_anti")
                .collectAsList());
        relevant.keySet().retainAll(owned.keySet());

        long trainingStarted = System.nanoTime();
        AlsTraining.Model model = AlsTraining.train(
                Interactions.confidences(train, settings.weights(), cutoff).cache(), settings.als());
        Map<String, List<String>> alsLists = new HashMap<>();
        UserRecommendations.lists(model.candidates(settings.als().candidates()), touched, shop.catalogue(spark), k)
                .filter(col("category").isNull())
                .collectAsList()
                .forEach(row -> alsLists.put(
                        row.getString(0),
                        row.<Row>getList(2).stream()
                                .map(item -> item.getString(0))
                                .toList()));
        Duration training = Duration.ofNanos(System.nanoTime() - trainingStarted);

        List<String> mostPopular = train
                .groupBy("item_id")
                .agg(countDistinct("user_id").as("users"))
                .orderBy(col("users").desc(), col("item_id"))
                .collectAsList()
                .stream()
                .map(row -> row.getString(0))
                .toList();

        double[] als = new double[3];
        double[] popularity = new double[3];
        for (var user : relevant.entrySet()) {
            List<String> alsList = alsLists.getOrDefault(user.getKey(), List.of());
            List<String> popularList = mostPopular.stream()
                    .filter(item -> !owned.get(user.getKey()).contains(item))
                    .limit(k)
                    .toList();
            add(als, k, alsList, user.getValue());
            add(popularity, k, popularList, user.getValue());
        }
        int users = relevant.size();
        Result result = new Result(
                train.count(),
                test.count(),
                users,
                new Scores(als[0] / users, als[1] / users, als[2] / users),
                new Scores(popularity[0] / users, popularity[1] / users, popularity[2] / users),
                training,
                Duration.ofNanos(System.nanoTime() - started));
        model.release();
        signals.unpersist();
        train.unpersist();
        test.unpersist();
        touched.unpersist();
        return result;
    }

    private static void add(double[] sums, int k, List<String> list, Set<String> relevant) {
        sums[0] += RankingMetrics.precisionAt(k, list, relevant);
        sums[1] += RankingMetrics.recallAt(k, list, relevant);
        sums[2] += RankingMetrics.ndcgAt(k, list, relevant);
    }

    private static Map<String, Set<String>> byUser(List<Row> pairs) {
        Map<String, Set<String>> byUser = new HashMap<>();
        for (Row pair : pairs) {
            byUser.computeIfAbsent(pair.getString(0), user -> new HashSet<>()).add(pair.getString(1));
        }
        return byUser;
    }

    private OfflineEvaluation() {}
}
