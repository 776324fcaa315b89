package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The catalogue as of the run: each item's latest {@code CatalogItemChanged} (highest version), with
 * whether it is active and its top-level category ({@code categoryPath[0]}, as the shop names it).
 * Columns {@code item_id}, {@code category} (null when the item has no path), {@code title},
 * {@code active}. Items not active are still known here (their signals still train the model) but never
 * appear in a list.
 */
final class Catalogue {

    static final String SCHEMA = "change STRING, item STRUCT<itemId: STRING, version: BIGINT, title: STRING, "
            + "categoryPath: ARRAY<STRING>, active: BOOLEAN>";

    static Dataset<Row> asOf(LakeEvents lake) {
        Dataset<Row> changes = lake.ofType("CatalogItemChanged", SCHEMA)
                .filter(col("e.item.itemId").isNotNull());
        var latestFirst = Window.partitionBy(col("e.item.itemId"))
                .orderBy(
                        col("e.item.version").desc_nulls_last(),
                        col("occurred_at").desc());
        return changes.withColumn("recency", row_number().over(latestFirst))
                .filter(col("recency").equalTo(1))
                .select(
                        col("e.item.itemId").as("item_id"),
                        expr("try_element_at(e.item.categoryPath, 1)").as("category"),
                        col("e.item.title").as("title"),
                        expr("coalesce(e.item.active, false) AND coalesce(e.change, '') <> 'DEACTIVATED'")
                                .as("active"));
    }

    /** The items a list may show: {@code item_id}, {@code category}. */
    static Dataset<Row> active(Dataset<Row> catalogue) {
        return catalogue.filter(col("active")).select("item_id", "category");
    }

    private Catalogue() {}
}
