package dev.bazaar.analytics.recommend;

import dev.bazaar.analytics.recommend.FeedbackWeights.Signal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A generated shop whose tastes are known: users fall in segments, each segment favouring one top-level
 * category ({@link #FAVOURITE} of its signals) and liking a second ({@link #SECOND}); the rest is noise
 * over the whole catalogue. Within a category, items are picked with a Zipf-like skew (the item of
 * popularity rank r with weight 1/(r+1)), as real sales are. Signals are spread evenly over
 * {@code days} up to {@code now}. Same seed, same shop.
 */
record PlantedTastes(int users, int items, int categories, int days, long seed, Instant now) {

    static final double FAVOURITE = 0.7;
    static final double SECOND = 0.2;

    static final StructType SIGNALS = new StructType()
            .add("user_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType)
            .add("signal", DataTypes.StringType)
            .add("amount", DataTypes.DoubleType)
            .add("occurred_at", DataTypes.TimestampType);

    static final StructType ACTIVE =
            new StructType().add("item_id", DataTypes.StringType).add("category", DataTypes.StringType);

    static PlantedTastes of(int users, int items, long seed) {
        return new PlantedTastes(users, items, 5, 60, seed, Instant.parse("2026-12-01T00:00:00Z"));
    }

    static String item(int i) {
        return "item-" + i;
    }

    static String category(int c) {
        return "category-" + c;
    }

    /** Item i is in category i mod categories; its popularity rank within it is i / categories. */
    Dataset<Row> catalogue(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            rows.add(RowFactory.create(item(i), category(i % categories)));
        }
        return spark.createDataFrame(rows, ACTIVE);
    }

    /** {@code user_id}, {@code item_id}, {@code signal}, {@code amount}, {@code occurred_at}. */
    Dataset<Row> signals(SparkSession spark) {
        Random random = new Random(seed);
        int perCategory = items / categories;
        double[] zipf = new double[perCategory];
        double total = 0;
        for (int r = 0; r < perCategory; r++) {
            total += 1.0 / (r + 1);
            zipf[r] = total;
        }
        long span = Duration.ofDays(days).toMillis();
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int favourite = u % categories;
            int second = (favourite + 1) % categories;
            int signals = 8 + random.nextInt(33);
            for (int s = 0; s < signals; s++) {
                double taste = random.nextDouble();
                int itemIndex;
                if (taste < FAVOURITE + SECOND) {
                    int category = taste < FAVOURITE ? favourite : second;
                    double pick = random.nextDouble() * total;
                    int rank = 0;
                    while (zipf[rank] < pick) {
                        rank++;
                    }
                    itemIndex = rank * categories + category;
                } else {
                    itemIndex = random.nextInt(perCategory * categories);
                }
                double kind = random.nextDouble();
                Signal signal = kind < 0.3
                        ? Signal.SEARCH
                        : kind < 0.5 ? Signal.WISHLIST : kind < 0.8 ? Signal.CART : Signal.ORDER;
                // A search names no item: as if its weight were shared by the five items it matched.
                double amount = signal == Signal.SEARCH ? 0.2 : signal == Signal.ORDER ? 1 + random.nextInt(2) : 1;
                Instant at = now.minusMillis((long) (random.nextDouble() * span));
                rows.add(RowFactory.create("user-" + u, item(itemIndex), signal.name(), amount, Timestamp.from(at)));
            }
        }
        return spark.createDataFrame(rows, SIGNALS);
    }
}
