package dev.bazaar.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.analytics.LocalSpark;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The rules that turn signals into confidences, run through Spark as a training run runs them. */
class InteractionsTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final SparkSession spark = LocalSpark.session();

    @Test
    void confidenceIsTheSumOfAUsersDecayedSignalsForAnItem() {
        var signals = spark.createDataFrame(
                List.of(
                        signal("u1", "i1", "ORDER", 2, NOW),
                        signal("u1", "i1", "CART", 1, NOW.minus(Duration.ofDays(30))),
                        signal("u1", "i1", "SEARCH", 0.2, NOW.minus(Duration.ofDays(60))),
                        signal("u1", "i2", "WISHLIST", 1, NOW),
                        signal("u2", "i1", "ORDER", 9, NOW)),
                PlantedTastes.SIGNALS);

        Map<String, Double> confidence =
                Interactions.confidences(signals, FeedbackWeights.standard(), NOW).collectAsList().stream()
                        .collect(Collectors.toMap(r -> r.getString(0) + "/" + r.getString(1), r -> r.getDouble(2)));

        // u1/i1: 2 units × 5 = 10, a month-old cart add 3 / 2 = 1.5, a two-month-old search share
        // 0.5 × 0.2 / 4 = 0.025: 11.525. u1/i2: one wishlist add today, 2. u2/i1: 9 units capped at 3: 15.
        assertThat(confidence).hasSize(3);
        assertThat(confidence.get("u1/i1")).isCloseTo(11.525, within(1e-9));
        assertThat(confidence.get("u1/i2")).isEqualTo(2);
        assertThat(confidence.get("u2/i1")).isEqualTo(15);
    }

    @Test
    void aQueryMeansTheActiveItemsWithAllItsWordsInTheTitleItsWeightSharedByTheFiveMostBought() {
        var catalogue = spark.createDataFrame(
                List.of(
                        item("shirt-1", "Red cotton shirt", true),
                        item("shirt-2", "Red linen SHIRT", true),
                        item("shirt-3", "Red shirt, slim", true),
                        item("shirt-4", "Shirt red", true),
                        item("shirt-5", "red-shirt classic", true),
                        item("shirt-6", "Red shirt (kids)", true),
                        item("shirt-7", "Red shirt gone", false),
                        item("shirt-8", "Blue shirt", true)),
                new StructType()
                        .add("item_id", DataTypes.StringType)
                        .add("category", DataTypes.StringType)
                        .add("title", DataTypes.StringType)
                        .add("active", DataTypes.BooleanType));
        // shirt-6 sold most, shirt-1 least; shirt-7 would top them but is inactive.
        var purchases = spark.createDataFrame(
                List.of(
                        RowFactory.create("shirt-6", 9),
                        RowFactory.create("shirt-2", 5),
                        RowFactory.create("shirt-3", 4),
                        RowFactory.create("shirt-4", 3),
                        RowFactory.create("shirt-5", 2),
                        RowFactory.create("shirt-7", 50)),
                new StructType().add("item_id", DataTypes.StringType).add("units", DataTypes.IntegerType));
        var searches = spark.createDataFrame(
                List.of(RowFactory.create("red shirt")), new StructType().add("query", DataTypes.StringType));

        Map<String, Double> shares = Interactions.searchMatches(searches, catalogue, purchases).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(1), r -> r.getDouble(2)));

        // Six active titles hold "red" and "shirt" (any case, any punctuation); the five most bought get
        // 1/5 each; shirt-1 (none sold), shirt-7 (inactive) and shirt-8 (no "red") nothing.
        assertThat(shares)
                .isEqualTo(Map.of("shirt-6", 0.2, "shirt-2", 0.2, "shirt-3", 0.2, "shirt-4", 0.2, "shirt-5", 0.2));
    }

    static Row signal(String user, String item, String signal, double amount, Instant at) {
        return RowFactory.create(user, item, signal, amount, Timestamp.from(at));
    }

    static Row item(String id, String title, boolean active) {
        return RowFactory.create(id, "Fashion", title, active);
    }
}
