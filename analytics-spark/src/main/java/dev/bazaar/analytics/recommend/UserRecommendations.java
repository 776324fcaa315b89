package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A user's lists from the model's candidates: the home page's (all categories) and one per top-level
 * category, both without the items the user already has (ordered, in production; the training
 * interactions, in the benchmark) and without inactive items. Columns {@code user_id},
 * {@code category} (null: overall), {@code items}.
 */
final class UserRecommendations {

    /**
     * @param candidates {@code user_id}, {@code item_id}, {@code score}
     * @param owned {@code user_id}, {@code item_id}: never recommended to that user
     * @param active {@code item_id}, {@code category}: the items a list may show
     */
    static Dataset<Row> lists(Dataset<Row> candidates, Dataset<Row> owned, Dataset<Row> active, int topN) {
        Dataset<Row> eligible = candidates
                .join(owned.select("user_id", "item_id"), new String[] {"user_id", "item_id"}, "left_anti")
                .join(active, "item_id");
        Dataset<Row> overall = Ranking.topN(eligible, topN, "user_id")
                .select(col("user_id"), lit(null).cast("string").as("category"), col("items"));
        // Cut from the user's candidates (AlsTuning.candidates of them), not every item of the category:
        // a category none of them falls in is one the user shows no taste for.
        Dataset<Row> perCategory = Ranking.topN(
                        eligible.filter(col("category").isNotNull()), topN, "user_id", "category")
                .select("user_id", "category", "items");
        return overall.unionByName(perCategory);
    }

    private UserRecommendations() {}
}
