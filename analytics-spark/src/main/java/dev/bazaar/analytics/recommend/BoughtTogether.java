package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Items bought together: for each item, the other items its buyers also bought, ranked by how many of
 * them did (co-buyers). Signed-in buyers only: a guest's orders cannot be linked. Both items active.
 * Columns {@code of_item}, {@code items}.
 */
final class BoughtTogether {

    static Dataset<Row> of(Dataset<Row> purchases, Dataset<Row> active, int topN) {
        Dataset<Row> activeIds = active.select("item_id");
        Dataset<Row> buyers = purchases
                .filter(col("user_id").isNotNull())
                .select("user_id", "item_id")
                .distinct()
                .join(activeIds, "item_id");
        Dataset<Row> a = buyers.as("a");
        Dataset<Row> b = buyers.as("b");
        Dataset<Row> pairs = a.join(
                        b,
                        col("a.user_id")
                                .equalTo(col("b.user_id"))
                                .and(col("a.item_id").notEqual(col("b.item_id"))))
                .groupBy(col("a.item_id").as("of_item"), col("b.item_id").as("item_id"))
                .agg(countDistinct(col("a.user_id")).cast("double").as("score"));
        return Ranking.topN(pairs, topN, "of_item");
    }

    private BoughtTogether() {}
}
