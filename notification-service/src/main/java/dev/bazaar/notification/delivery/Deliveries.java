package dev.bazaar.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery} table, in explicit SQL. Planned with INSERT IGNORE (one row per event, channel and
 * recipient, whatever is redelivered); every later change is a compare-and-set on the status and the attempt
 * number, so a dispatcher whose lease ran out can never overwrite what the next one recorded. Every time is the
 * database's ({@code CURRENT_TIMESTAMP(6)}, plus a duration): one clock for every instance, whatever the JVMs'
 * clocks and time zones.
 */
@Repository
public class Deliveries {

    private static final String COLUMNS = "id, event_id, channel, audience, recipient, status, attempts, replays,"
            + " next_attempt_at, last_error, provider_ref, created_at, updated_at";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One PENDING delivery per channel for {@code recipient}, due now; those already planned stay as they are.
     * Runs in the caller's transaction (the consumer's).
     *
     * @return how many were new
     */
    public int plan(UUID eventId, Audience audience, String recipient) {
        int planned = 0;
        for (Channel channel : Channel.values()) {
            planned += jdbc.sql("""
                            INSERT IGNORE INTO delivery (id, event_id, channel, audience, recipient, status)
                            VALUES (?, ?, ?, ?, ?, 'PENDING')""")
                    .params(
                            Delivery.idOf(eventId, channel, recipient),
                            eventId.toString(),
                            channel.name(),
                            audience.name(),
                            recipient)
                    .update();
        }
        return planned;
    }

    /** PENDING deliveries due now, longest waiting first. */
    public List<Delivery> due(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= CURRENT_TIMESTAMP(6) ORDER BY next_attempt_at LIMIT ?")
                .param(limit)
                .query(Deliveries::row)
                .list();
    }

    /**
     * Takes a due delivery for one attempt: counts it and pushes its next attempt past the lease. False when
     * another dispatcher took it first, or it is no longer due.
     */
    public boolean claim(Delivery delivery, Duration lease) {
        return jdbc.sql("""
                        UPDATE delivery SET attempts = attempts + 1,
                            next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND,
                            updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = 'PENDING' AND attempts = ? AND next_attempt_at <= CURRENT_TIMESTAMP(6)""")
                        .params(micros(lease), delivery.id(), delivery.attempts())
                        .update()
                == 1;
    }

    /** Attempt {@code attempt} sent it; {@code providerRef} is what the channel's provider answered. */
    public boolean sent(String id, int attempt, String providerRef) {
        return finish(id, attempt, "SENT", null, providerRef);
    }

    /** Attempt {@code attempt} found nothing to send ({@code why}: opted out, no address). */
    public boolean skipped(String id, int attempt, String why) {
        return finish(id, attempt, "SKIPPED", why, null);
    }

    /** Attempt {@code attempt} failed for good, or was the last: a dead letter. */
    public boolean dead(String id, int attempt, String error) {
        return finish(id, attempt, "DEAD", error, null);
    }

    /** Attempt {@code attempt} failed; the next is due {@code backoff} from now. */
    public boolean retryAfter(String id, int attempt, String error, Duration backoff) {
        return jdbc.sql("""
                        UPDATE delivery SET next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND,
                            last_error = ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = 'PENDING' AND attempts = ?""")
                        .params(micros(backoff), truncate(error), id, attempt)
                        .update()
                == 1;
    }

    private boolean finish(String id, int attempt, String status, String error, String providerRef) {
        return jdbc.sql("""
                        UPDATE delivery SET status = ?, last_error = ?, provider_ref = ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = 'PENDING' AND attempts = ?""")
                        .params(status, truncate(error), truncate(providerRef), id, attempt)
                        .update()
                == 1;
    }

    public Optional<Delivery> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ?")
                .param(id)
                .query(Deliveries::row)
                .optional();
    }

    /** Every delivery of one event, for the tests and the logs. */
    public List<Delivery> ofEvent(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE event_id = ? ORDER BY channel, recipient")
                .param(eventId.toString())
                .query(Deliveries::row)
                .list();
    }

    /** DEAD deliveries, most recently failed first. */
    List<Delivery> dead(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM delivery WHERE status = 'DEAD' ORDER BY updated_at DESC, id LIMIT ?")
                .param(limit)
                .query(Deliveries::row)
                .list();
    }

    /**
     * A DEAD delivery back to PENDING, due now, with its attempts counted from zero again. Nothing happens to a
     * delivery that is not DEAD (replayed already, or sent since): a repeated replay sends nothing twice.
     *
     * @return true when this call replayed it
     */
    boolean replay(String id) {
        return jdbc.sql("""
                        UPDATE delivery SET status = 'PENDING', attempts = 0, replays = replays + 1,
                            next_attempt_at = CURRENT_TIMESTAMP(6), updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = 'DEAD'""").param(id).update() == 1;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Delivery row(ResultSet row, int rowNum) throws SQLException {
        return new Delivery(
                row.getString("id"),
                UUID.fromString(row.getString("event_id")),
                Channel.valueOf(row.getString("channel")),
                Audience.valueOf(row.getString("audience")),
                row.getString("recipient"),
                Delivery.Status.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getInt("replays"),
                row.getTimestamp("next_attempt_at").toInstant(),
                row.getString("last_error"),
                row.getString("provider_ref"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
