package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Lists of the best {@code n} scored items per group, as every published list is cut. */
final class Ranking {

    /**
     * From rows ({@code groups…}, {@code item_id}, {@code score}) to one row per group with {@code items}:
     * an array of {@code (item_id, score)}, best first, at most {@code n}; equal scores by item id, so a
     * rerun over the same data gives the same lists.
     */
    static Dataset<Row> topN(Dataset<Row> scored, int n, String... groups) {
        Column[] groupColumns =
                Arrays.stream(groups).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        var bestFirst = Window.partitionBy(groupColumns).orderBy(col("score").desc(), col("item_id"));
        return scored.withColumn("rank", row_number().over(bestFirst))
                .filter(col("rank").leq(n))
                .groupBy(groupColumns)
                // collect_list keeps no order: sorted by rank, then the rank dropped.
                .agg(expr("transform(array_sort(collect_list(struct(rank, item_id, score))), "
                                + "x -> named_struct('item_id', x.item_id, 'score', x.score))")
                        .as("items"));
    }

    private Ranking() {}
}
