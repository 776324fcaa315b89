package dev.bazaar.analytics.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import dev.bazaar.analytics.lake.LakeLayout;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The lake's events table as a training run reads it: each event once, parsed with the fields it needs. */
final class LakeEvents {

    /** No events table yet, or one with no file in it. */
    private static final Set<String> NOTHING_YET = Set.of("PATH_NOT_FOUND", "UNABLE_TO_INFER_SCHEMA");

    private final Dataset<Row> events;

    private LakeEvents(Dataset<Row> events) {
        this.events = events;
    }

    /** The events under {@code lakeUri}; empty when nothing has landed yet (a fresh shop). */
    static LakeEvents read(SparkSession spark, String lakeUri) {
        Dataset<Row> events;
        try {
            events = spark.read().parquet(LakeLayout.eventsPath(lakeUri));
        } catch (Exception e) {
            if (e instanceof AnalysisException analysis && NOTHING_YET.contains(analysis.getCondition())) {
                return new LakeEvents(null);
            }
            throw e;
        }
        // The sink writes each event once, but a lake copied or re-imported by hand may not: an order
        // counted twice would double its units.
        return new LakeEvents(events.dropDuplicates(LakeLayout.EVENT_ID));
    }

    boolean isEmpty() {
        return events == null;
    }

    /**
     * The events of one type ({@code OrderStatusChanged}), columns {@code occurred_at} and {@code e} (the
     * value parsed with {@code schemaDdl}; fields the schema leaves out are not read).
     */
    Dataset<Row> ofType(String eventType, String schemaDdl) {
        return events.filter(col(LakeLayout.EVENT_TYPE).equalTo(eventType))
                .select(
                        col(LakeLayout.OCCURRED_AT).as("occurred_at"),
                        from_json(col(LakeLayout.VALUE), StructType.fromDDL(schemaDdl), Map.of())
                                .as("e"))
                .filter(col("e").isNotNull());
    }
}
