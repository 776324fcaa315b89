package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The most bought active items, by units ordered (PLACED) since {@code since}, guests' orders included:
 * overall ({@code category} null) and per top-level category. What a shopper with no history of their
 * own is shown (cold start), and what fills a category page the model has nothing for. Columns
 * {@code category}, {@code items}.
 */
final class Bestsellers {

    static Dataset<Row> of(Dataset<Row> purchases, Dataset<Row> active, Instant since, int topN) {
        Dataset<Row> sold = purchases
                .filter(col("occurred_at").geq(lit(Timestamp.from(since))))
                .groupBy("item_id")
                .agg(sum("units").cast("double").as("score"))
                .join(active, "item_id");
        Dataset<Row> overall = sold.withColumn("category", lit(null).cast("string"));
        Dataset<Row> perCategory = sold.filter(col("category").isNotNull());
        // One ranking pass: the overall list is the group whose category is null.
        return Ranking.topN(overall.unionByName(perCategory), topN, "category");
    }

    private Bestsellers() {}
}
