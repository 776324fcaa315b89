package dev.bazaar.recommendation.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.bazaar.recommendation.RecommendationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The service's Cassandra tables (keyspace {@code bazaar.recommendations.keyspace}), explicit CQL with prepared
 * statements, each shaped for one read:
 * <ul>
 *   <li>{@code recommendations_by_user}: partition {@code user_id}, clustering {@code category} (the overall
 *       list under {@link Categories#OVERALL}), so the home page's mix is one partition read and a category page
 *       one row;</li>
 *   <li>{@code similar_items}: one row per item (bought together);</li>
 *   <li>{@code bestsellers}: one row per category, and the overall one;</li>
 *   <li>{@code report_snapshots}: each live report's latest window.</li>
 * </ul>
 * Order-proof and idempotent: every write carries {@code USING TIMESTAMP} derived from the record's own time (the
 * training run's start for a list, the window's end for a report), not the time it was consumed. Cassandra keeps
 * the cell with the highest write timestamp, so a replayed topic or an older training run consumed after a newer
 * one can never overwrite what the newer one wrote, whatever order the records come in. The write time of what
 * is held is read first only to tell the metrics (and to skip a write that would change nothing); the guard
 * itself is the timestamp, so two writers racing still end with the newest.
 *
 * <p>Every write also carries a TTL ({@code bazaar.recommendations.retention}): a list the training runs stop
 * computing (a user gone quiet, a category emptied) expires instead of being served forever.
 */
@Component
public class RecommendationTables {

    private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

    private final CqlSession session;
    private final int ttlSeconds;
    private final UserDefinedType rankedType;
    private final UserDefinedType entryType;
    private final PreparedStatement insertForUser;
    private final PreparedStatement writtenForUser;
    private final PreparedStatement ofUser;
    private final PreparedStatement ofUserInCategory;
    private final PreparedStatement insertSimilar;
    private final PreparedStatement writtenSimilar;
    private final PreparedStatement similar;
    private final PreparedStatement insertBestsellers;
    private final PreparedStatement writtenBestsellers;
    private final PreparedStatement bestsellers;
    private final PreparedStatement insertReport;
    private final PreparedStatement writtenReport;
    private final PreparedStatement report;

    RecommendationTables(CqlSession session, RecommendationProperties properties) {
        this.session = session;
        this.ttlSeconds = Math.toIntExact(properties.retention().toSeconds());
        String ks = properties.keyspace();
        // A schema change waits for every node to agree: seconds on a busy machine, past the driver's 2 s.
        schema(ks, properties.replication())
                .forEach(cql -> session.execute(SimpleStatement.newInstance(cql).setTimeout(SCHEMA_TIMEOUT)));
        String using = " USING TIMESTAMP ? AND TTL ?";
        insertForUser = session.prepare("INSERT INTO " + ks + ".recommendations_by_user"
                + " (user_id, category, category_name, model_version, items) VALUES (?, ?, ?, ?, ?)" + using);
        writtenForUser = session.prepare("SELECT writetime(model_version) FROM " + ks
                + ".recommendations_by_user WHERE user_id = ? AND category = ?");
        ofUser = session.prepare(
                "SELECT category_name, model_version, items FROM " + ks + ".recommendations_by_user WHERE user_id = ?");
        ofUserInCategory = session.prepare("SELECT category_name, model_version, items FROM " + ks
                + ".recommendations_by_user WHERE user_id = ? AND category = ?");
        insertSimilar = session.prepare(
                "INSERT INTO " + ks + ".similar_items (item_id, model_version, items)" + " VALUES (?, ?, ?)" + using);
        writtenSimilar =
                session.prepare("SELECT writetime(model_version) FROM " + ks + ".similar_items WHERE item_id = ?");
        similar = session.prepare("SELECT model_version, items FROM " + ks + ".similar_items WHERE item_id = ?");
        insertBestsellers = session.prepare("INSERT INTO " + ks
                + ".bestsellers (category, category_name, model_version, items) VALUES (?, ?, ?, ?)" + using);
        writtenBestsellers =
                session.prepare("SELECT writetime(model_version) FROM " + ks + ".bestsellers WHERE category = ?");
        bestsellers = session.prepare(
                "SELECT category_name, model_version, items FROM " + ks + ".bestsellers WHERE category = ?");
        insertReport = session.prepare("INSERT INTO " + ks
                + ".report_snapshots (report, event_id, window_start, window_end, lines) VALUES (?, ?, ?, ?, ?)"
                + using);
        writtenReport =
                session.prepare("SELECT writetime(window_end) FROM " + ks + ".report_snapshots WHERE report = ?");
        report = session.prepare(
                "SELECT event_id, window_start, window_end, lines FROM " + ks + ".report_snapshots WHERE report = ?");
        rankedType = (UserDefinedType)
                ((ListType) insertSimilar.getVariableDefinitions().get("items").getType()).getElementType();
        entryType = (UserDefinedType)
                ((ListType) insertReport.getVariableDefinitions().get("lines").getType()).getElementType();
    }

    /** The keyspace, the list element types and the four tables, each created only if missing. */
    static List<String> schema(String ks, String replication) {
        String items = "items frozen<list<frozen<ranked_item>>>";
        return List.of(
                "CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + replication,
                "CREATE TYPE IF NOT EXISTS " + ks + ".ranked_item (item_id text, score double)",
                "CREATE TYPE IF NOT EXISTS " + ks + ".report_entry (item_id text, query text, score double)",
                "CREATE TABLE IF NOT EXISTS " + ks + ".recommendations_by_user (user_id text, category text, "
                        + "category_name text, model_version text, " + items + ", PRIMARY KEY ((user_id), category))",
                "CREATE TABLE IF NOT EXISTS " + ks + ".similar_items (item_id text PRIMARY KEY, "
                        + "model_version text, " + items + ")",
                "CREATE TABLE IF NOT EXISTS " + ks + ".bestsellers (category text PRIMARY KEY, category_name text, "
                        + "model_version text, " + items + ")",
                // The entries are in "lines": ENTRIES is a CQL keyword (map indexes).
                "CREATE TABLE IF NOT EXISTS " + ks + ".report_snapshots (report text PRIMARY KEY, event_id uuid, "
                        + "window_start timestamp, window_end timestamp, "
                        + "lines frozen<list<frozen<report_entry>>>)");
    }

    /** A user's list, overall ({@code category} null) or for one top-level category, as of {@code asOf}. */
    public Write saveForUser(String userId, String category, String modelVersion, Instant asOf, List<Ranked> items) {
        long at = micros(asOf);
        String key = Categories.key(category);
        return write(writtenForUser.bind(userId, key), at, () -> {
            BoundStatement insert =
                    insertForUser.bind(userId, key, category, modelVersion, ranked(items), at, ttlSeconds);
            // A null bound is a tombstone; the overall list has no category name to write.
            return category == null ? insert.unset(2) : insert;
        });
    }

    /** The items bought together with {@code itemId}, as of {@code asOf}. */
    public Write saveSimilar(String itemId, String modelVersion, Instant asOf, List<Ranked> items) {
        long at = micros(asOf);
        return write(
                writtenSimilar.bind(itemId),
                at,
                () -> insertSimilar.bind(itemId, modelVersion, ranked(items), at, ttlSeconds));
    }

    /** The bestsellers overall ({@code category} null) or in one top-level category, as of {@code asOf}. */
    public Write saveBestsellers(String category, String modelVersion, Instant asOf, List<Ranked> items) {
        long at = micros(asOf);
        String key = Categories.key(category);
        return write(writtenBestsellers.bind(key), at, () -> {
            BoundStatement insert = insertBestsellers.bind(key, category, modelVersion, ranked(items), at, ttlSeconds);
            return category == null ? insert.unset(1) : insert;
        });
    }

    /** A report's snapshot, as of its window's end: a later window replaces it, an earlier one never does. */
    public Write saveReport(ReportSnapshot snapshot) {
        long at = micros(snapshot.windowEnd());
        List<UdtValue> entries = snapshot.entries().stream()
                .map(entry -> entryType
                        .newValue()
                        .setString("item_id", entry.itemId())
                        .setString("query", entry.query())
                        .setDouble("score", entry.score()))
                .toList();
        return write(
                writtenReport.bind(snapshot.report()),
                at,
                () -> insertReport.bind(
                        snapshot.report(),
                        snapshot.eventId(),
                        snapshot.windowStart(),
                        snapshot.windowEnd(),
                        entries,
                        at,
                        ttlSeconds));
    }

    /** Every list held for the user (the overall one and one per category), in one partition read. */
    public List<RankedList> ofUser(String userId) {
        List<RankedList> lists = new ArrayList<>();
        for (Row row : session.execute(read(ofUser.bind(userId)))) {
            lists.add(list(row, row.getString("category_name")));
        }
        return lists;
    }

    /** The user's list in one category (its key, {@link Categories#key}); {@link Categories#OVERALL} for overall. */
    public Optional<RankedList> ofUser(String userId, String categoryKey) {
        return Optional.ofNullable(session.execute(read(ofUserInCategory.bind(userId, categoryKey)))
                        .one())
                .map(row -> list(row, row.getString("category_name")));
    }

    public Optional<RankedList> similarTo(String itemId) {
        return Optional.ofNullable(session.execute(read(similar.bind(itemId))).one())
                .map(row -> list(row, null));
    }

    /** The bestsellers of one category (its key); {@link Categories#OVERALL} for overall. */
    public Optional<RankedList> bestsellers(String categoryKey) {
        return Optional.ofNullable(
                        session.execute(read(bestsellers.bind(categoryKey))).one())
                .map(row -> list(row, row.getString("category_name")));
    }

    /** The report's latest snapshot. */
    public Optional<ReportSnapshot> latest(String reportName) {
        return Optional.ofNullable(
                        session.execute(read(report.bind(reportName))).one())
                .map(row -> new ReportSnapshot(
                        reportName,
                        row.getUuid("event_id"),
                        row.getInstant("window_start"),
                        row.getInstant("window_end"),
                        row.getList("lines", UdtValue.class).stream()
                                .map(entry -> new ReportSnapshot.Entry(
                                        entry.getString("item_id"), entry.getString("query"), entry.getDouble("score")))
                                .toList()));
    }

    /**
     * Writes unless what is held was written as of a later instant (stale) or the same one (a replay: the same
     * run or window again, nothing to change). The insert's own timestamp is what keeps the newest in a race.
     */
    private Write write(BoundStatement writtenAt, long at, Supplier<BoundStatement> insert) {
        Row held = session.execute(read(writtenAt)).one();
        if (held != null && !held.isNull(0)) {
            long heldAt = held.getLong(0);
            if (heldAt > at) {
                return Write.STALE;
            }
            if (heldAt == at) {
                return Write.REPLAYED;
            }
        }
        session.execute(insert.get()
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                .setIdempotent(true));
        return Write.STORED;
    }

    private static Statement<?> read(BoundStatement statement) {
        return statement.setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM);
    }

    private List<UdtValue> ranked(List<Ranked> items) {
        return items.stream()
                .map(item -> rankedType
                        .newValue()
                        .setString("item_id", item.itemId())
                        .setDouble("score", item.score()))
                .toList();
    }

    private static RankedList list(Row row, String category) {
        return new RankedList(
                category,
                row.getString("model_version"),
                row.getList("items", UdtValue.class).stream()
                        .map(item -> new Ranked(item.getString("item_id"), item.getDouble("score")))
                        .toList());
    }

    /** Microseconds since the epoch: Cassandra's write timestamps are in microseconds. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
