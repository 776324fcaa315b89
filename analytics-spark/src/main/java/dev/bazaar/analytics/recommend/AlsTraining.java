package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky 2008) over the confidences: every (user, item) pair is
 * a preference of 1 (a signal) or 0 (none), trusted with {@code 1 + α·confidence}, so an item a shopper
 * never touched still counts as a weak "no", which explicit ALS would ignore.
 */
final class AlsTraining {

    /** A trained model and the indices between the shop's string ids and ALS's int ids. */
    record Model(ALSModel als, Dataset<Row> users, Dataset<Row> items) {

        /**
         * The {@code k} best-scored items of every user: {@code user_id}, {@code item_id}, {@code score}
         * (the predicted preference). Items the user already has are among them; callers drop them.
         */
        Dataset<Row> candidates(int k) {
            return als.recommendForAllUsers(k)
                    .select(col("user"), explode(col("recommendations")).as("r"))
                    .select(
                            col("user"),
                            col("r.item").as("item"),
                            col("r.rating").cast("double").as("score"))
                    .join(users, "user")
                    .join(items, "item")
                    .select("user_id", "item_id", "score");
        }

        void release() {
            users.unpersist();
            items.unpersist();
        }
    }

    /** Trains on {@code confidences} ({@code user_id}, {@code item_id}, {@code confidence}), not empty. */
    static Model train(Dataset<Row> confidences, AlsTuning tuning) {
        Dataset<Row> users = index(confidences, "user_id", "user");
        Dataset<Row> items = index(confidences, "item_id", "item");
        Dataset<Row> ratings = confidences
                .join(users, "user_id")
                .join(items, "item_id")
                .select(col("user"), col("item"), col("confidence").cast("float"));
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(tuning.rank())
                .setRegParam(tuning.regParam())
                .setAlpha(tuning.alpha())
                .setMaxIter(tuning.maxIter())
                .setSeed(tuning.seed())
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("confidence")
                // No NaN scores for ids the model has not seen (none here, but the contract holds).
                .setColdStartStrategy("drop");
        return new Model(als.fit(ratings), users, items);
    }

    /**
     * ALS takes int ids: each distinct id gets its position in id order, which is the same however
     * often Spark recomputes it (an order-dependent index recomputed for a second join would mismatch).
     */
    static Dataset<Row> index(Dataset<Row> rows, String idColumn, String indexColumn) {
        JavaRDD<Row> indexed = rows.select(idColumn)
                .distinct()
                .orderBy(idColumn)
                .javaRDD()
                .zipWithIndex()
                .map(pair -> RowFactory.create(pair._1().getString(0), Math.toIntExact(pair._2())));
        StructType schema = new StructType()
                .add(idColumn, DataTypes.StringType, false)
                .add(indexColumn, DataTypes.IntegerType, false);
        return rows.sparkSession().createDataFrame(indexed, schema).cache();
    }

    private AlsTraining() {}
}
