package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import dev.bazaar.analytics.lake.LakeLayout;
import dev.bazaar.analytics.lake.LakeReader;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The lake's events table as a training run reads it: each event once, parsed with the fields it needs. */
final class LakeEvents {

    private final Dataset<Row> events;

    private LakeEvents(Dataset<Row> events) {
        this.events = events;
    }

    /** The events under {@code lakeUri} (the committed files only, see {@link LakeReader}). */
    static LakeEvents read(SparkSession spark, String lakeUri) {
        Dataset<Row> events = LakeReader.events(spark, lakeUri);
        if (events.isEmpty()) {
            return new LakeEvents(null);
        }
        return new LakeEvents(events);
    }

    boolean isEmpty() {
        return events == null;
    }

    /**
     * The events of one type ({@code OrderStatusChanged}), columns {@code occurred_at} and {@code e} (the
     * value parsed with {@code schemaDdl}; fields the schema leaves out are not read).
     */
    Dataset<Row> ofType(String eventType, String schemaDdl) {
        // Filtered on the partition column first, so only that type's directories are read; then each event
        // once: the sink writes each event once, but a lake copied or re-imported by hand may not, and an
        // order counted twice would double its units.
        return events.filter(col(LakeLayout.EVENT_TYPE).equalTo(eventType))
                .dropDuplicates(LakeLayout.EVENT_ID)
                .select(
                        col(LakeLayout.OCCURRED_AT).as("occurred_at"),
                        from_json(col(LakeLayout.VALUE), StructType.fromDDL(schemaDdl), Map.of())
                                .as("e"))
                .filter(col("e").isNotNull());
    }
}
