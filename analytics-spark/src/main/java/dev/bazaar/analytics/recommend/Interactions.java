package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import dev.bazaar.analytics.recommend.FeedbackWeights.Signal;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Implicit feedback: what signed-in shoppers did with items. A signal is one (user, item, event):
 * columns {@code user_id}, {@code item_id}, {@code signal} ({@link Signal} name), {@code amount} (see
 * {@link FeedbackWeights#weight}), {@code occurred_at}. Guests and anonymous shoppers are left out: ALS
 * learns a taste per user id, and a guest's id never comes back as a signed-in user's.
 */
final class Interactions {

    static final String ORDER_SCHEMA =
            "orderId STRING, userId STRING, `to` STRING, lines ARRAY<STRUCT<itemId: STRING, quantity: INT>>";
    static final String CART_SCHEMA = "userId STRING, action STRING, itemId STRING";
    static final String WISHLIST_SCHEMA = "userId STRING, action STRING, itemId STRING";
    static final String SEARCH_SCHEMA = "shopperId STRING, anonymous BOOLEAN, query STRING";

    /** Items a search's weight is spread over at most: the first ones a shopper would see. */
    static final int ITEMS_PER_SEARCH = 5;

    /** The lower-case words of a text column (letters and digits, any script), as SQL. */
    private static final String TOKENS = "filter(split(lower(trim(%s)), '[^\\\\p{L}\\\\p{N}]+'), w -> w <> '')";

    /**
     * Order lines of orders moving to PLACED (paid): {@code order_id}, {@code user_id}, {@code item_id},
     * {@code units}, {@code occurred_at}. Guests' orders too (bestsellers count them).
     */
    static Dataset<Row> purchases(LakeEvents lake) {
        return lake.ofType("OrderStatusChanged", ORDER_SCHEMA)
                .filter(col("e.to").equalTo("PLACED"))
                .select(
                        col("e.orderId").as("order_id"),
                        col("e.userId").as("user_id"),
                        col("occurred_at"),
                        explode(col("e.lines")).as("line"))
                .select(
                        col("order_id"),
                        col("user_id"),
                        col("line.itemId").as("item_id"),
                        coalesce(col("line.quantity"), lit(1)).as("units"),
                        col("occurred_at"))
                .filter(col("item_id").isNotNull().and(col("units").gt(0)))
                .dropDuplicates("order_id", "item_id");
    }

    /** Every signal of signed-in shoppers, searches mapped to the catalogue's items. */
    static Dataset<Row> signals(LakeEvents lake, Dataset<Row> catalogue, Dataset<Row> purchases) {
        Dataset<Row> orders = purchases
                .filter(col("user_id").isNotNull())
                .select(
                        col("user_id"),
                        col("item_id"),
                        lit(Signal.ORDER.name()).as("signal"),
                        col("units").cast("double").as("amount"),
                        col("occurred_at"));
        // REMOVED and CLEARED add nothing and take nothing away: implicit feedback has no negative
        // confidence, and the add before them was intent all the same.
        Dataset<Row> carts = lake.ofType("CartChanged", CART_SCHEMA)
                .filter(col("e.userId").isNotNull().and(col("e.action").isin("ADDED", "UPDATED")))
                .select(
                        col("e.userId").as("user_id"),
                        col("e.itemId").as("item_id"),
                        lit(Signal.CART.name()).as("signal"),
                        lit(1.0).as("amount"),
                        col("occurred_at"));
        Dataset<Row> wishlists = lake.ofType("WishlistChanged", WISHLIST_SCHEMA)
                .filter(col("e.userId").isNotNull().and(col("e.action").equalTo("ADDED")))
                .select(
                        col("e.userId").as("user_id"),
                        col("e.itemId").as("item_id"),
                        lit(Signal.WISHLIST.name()).as("signal"),
                        lit(1.0).as("amount"),
                        col("occurred_at"));
        Dataset<Row> searches = lake.ofType("SearchPerformed", SEARCH_SCHEMA)
                .filter(col("e.shopperId")
                        .isNotNull()
                        .and(coalesce(col("e.anonymous"), lit(true)).equalTo(false)))
                .select(
                        col("e.shopperId").as("user_id"),
                        expr("concat_ws(' ', " + TOKENS.formatted("e.query") + ")")
                                .as("query"),
                        col("occurred_at"))
                .filter(col("query").notEqual(""));
        Dataset<Row> searched = searches.join(searchMatches(searches, catalogue, purchases), "query")
                .select(
                        col("user_id"),
                        col("item_id"),
                        lit(Signal.SEARCH.name()).as("signal"),
                        col("share").as("amount"),
                        col("occurred_at"));
        return orders.unionByName(carts)
                .unionByName(wishlists)
                .unionByName(searched)
                .filter(col("item_id").isNotNull());
    }

    /**
     * A query names no item: it is taken to mean the active items whose title holds all its words, and
     * its weight is shared by the {@value #ITEMS_PER_SEARCH} most bought of them (the ones a shopper
     * would see first): a broad query ("shirt") says little about any one shirt. Columns {@code query}
     * (its words joined by one space), {@code item_id}, {@code share}. Joined on words, so it never
     * compares every query with every title.
     */
    static Dataset<Row> searchMatches(Dataset<Row> searches, Dataset<Row> catalogue, Dataset<Row> purchases) {
        Dataset<Row> queryWords = searches.select("query")
                .distinct()
                .withColumn("words", expr("array_distinct(split(query, ' '))"))
                .select(
                        col("query"),
                        size(col("words")).as("needed"),
                        explode(col("words")).as("word"));
        Dataset<Row> titleWords = catalogue
                .filter(col("active").and(col("title").isNotNull()))
                .select(
                        col("item_id"),
                        explode(expr("array_distinct(" + TOKENS.formatted("title") + ")"))
                                .as("word"))
                .distinct();
        Dataset<Row> popularity = purchases.groupBy("item_id").agg(sum("units").as("sold"));
        var mostBoughtFirst =
                Window.partitionBy(col("query")).orderBy(col("sold").desc(), col("item_id"));
        return queryWords
                .join(titleWords, "word")
                .groupBy("query", "needed", "item_id")
                .agg(count(lit(1)).as("matched"))
                .filter(col("matched").equalTo(col("needed")))
                .join(popularity, new String[] {"item_id"}, "left")
                .withColumn("sold", coalesce(col("sold"), lit(0L)))
                .withColumn("rank", row_number().over(mostBoughtFirst))
                .filter(col("rank").leq(ITEMS_PER_SEARCH))
                .withColumn("share", lit(1.0).divide(count(lit(1)).over(Window.partitionBy(col("query")))))
                .select("query", "item_id", "share");
    }

    /**
     * Confidence per (user, item): the sum of the signals' weights, each decayed by its age at
     * {@code now}. Columns {@code user_id}, {@code item_id}, {@code confidence}. The one place weights
     * and decay are applied, for the run and for the benchmark alike.
     */
    static Dataset<Row> confidences(Dataset<Row> signals, FeedbackWeights weights, Instant now) {
        UserDefinedFunction weight = udf(
                (UDF3<String, Double, Timestamp, Double>) (signal, amount, at) ->
                        weights.decayedWeight(Signal.valueOf(signal), amount, at.toInstant(), now),
                DataTypes.DoubleType);
        return signals.filter(col("occurred_at").isNotNull())
                .groupBy("user_id", "item_id")
                .agg(sum(weight.apply(col("signal"), col("amount"), col("occurred_at")))
                        .as("confidence"));
    }

    private Interactions() {}
}
