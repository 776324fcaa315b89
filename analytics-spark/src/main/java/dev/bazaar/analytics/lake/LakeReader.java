package dev.bazaar.analytics.lake;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the lake's events table ({@link LakeLayout}) on a local path or HDFS.
 *
 * <p>Always through the table's path, {@link LakeLayout#eventsPath}, never a partition directory under it:
 * at the table's root Spark finds the sink's {@code _spark_metadata} log and reads only the files of
 * committed batches. Files of a batch that failed half-way (rerun after a restart) lie in the same
 * directories; listing a directory would read them too, and count their events twice. One type or one day:
 * filter on the partition columns, which Spark turns into reading only those directories' committed files.
 */
public final class LakeReader {

    /** The table's columns, the partition columns last (as Spark reads a partitioned table). */
    public static final StructType SCHEMA = new StructType()
            .add(LakeLayout.EVENT_ID, DataTypes.StringType)
            .add(LakeLayout.TOPIC, DataTypes.StringType)
            .add(LakeLayout.KEY, DataTypes.StringType)
            .add(LakeLayout.OCCURRED_AT, DataTypes.TimestampType)
            .add(LakeLayout.VALUE, DataTypes.StringType)
            .add(LakeLayout.EVENT_TYPE, DataTypes.StringType)
            .add(LakeLayout.EVENT_DATE, DataTypes.DateType);

    /** Every event in the lake; none (an empty table) before the lake's first batch. */
    public static Dataset<Row> events(SparkSession spark, String lakeUri) {
        try {
            // The schema given, not inferred: inference reads a file footer, and needs at least one file.
            return spark.read().schema(SCHEMA).parquet(LakeLayout.eventsPath(lakeUri));
        } catch (Exception e) { // Scala's AnalysisException, undeclared
            if (e instanceof AnalysisException analysis && "PATH_NOT_FOUND".equals(analysis.getCondition())) {
                return spark.createDataFrame(List.of(), SCHEMA);
            }
            throw e;
        }
    }

    /** The events of one type ({@link LakeLayout#eventType}, e.g. {@code OrderStatusChanged}). */
    public static Dataset<Row> events(SparkSession spark, String lakeUri, String eventType) {
        return events(spark, lakeUri).where(col(LakeLayout.EVENT_TYPE).equalTo(eventType));
    }

    private LakeReader() {}
}
