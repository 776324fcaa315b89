package dev.bazaar.order.processing;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.peers.Inventory;
import dev.bazaar.order.peers.Payments;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a paid order that was cancelled or returned is still owed: its stock back on hand (inventory-service's
 * restock) and its payment refunded (payment-service), in {@code order_compensation}. The row is written in the
 * transaction of the move to CANCELLED or RETURNED ({@link #owe}), so the debt exists exactly when the move
 * does; the two calls are made after that commit ({@link #settle}), each stamped once it was answered. A peer
 * that is down leaves its stamp empty and the row due again after a backoff: {@link CompensationSweeper} retries
 * it until both are done. Restock and refund are idempotent per order in their services, so a repeat (the
 * sweeper and a request at once, two instances, a retry after a lost answer) does nothing twice.
 */
@Service
class Compensations {

    /** A row as stored; a null stamp is a call still owed. */
    record Owed(
            String orderId,
            OrderStatus outcome,
            Instant restockedAt,
            Instant refundedAt,
            Instant settledAt,
            int attempts,
            String lastError) {

        boolean settled() {
            return settledAt != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Compensations.class);

    /** The wait between two attempts doubles with each failure, up to 2^6 = 64 times the first. */
    private static final int MAX_DOUBLINGS = 6;

    /** How long a sweeper's claim on a row keeps other sweepers off it (a settle takes two peer calls). */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final Payments payments;
    private final Duration retry;

    Compensations(JdbcClient jdbc, Inventory inventory, Payments payments, OrderProperties properties) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.payments = payments;
        this.retry = properties.compensationRetry();
    }

    /**
     * Owes the order's restock and refund; to be called in the transaction of its move to {@code outcome}
     * (which happens once: a compare-and-set). Due for the sweeper only after one retry interval, so the
     * request that made the move settles it first.
     */
    void owe(String orderId, OrderStatus outcome) {
        jdbc.sql("""
                        INSERT INTO order_compensation (order_id, outcome, next_attempt_at)
                        VALUES (?, ?, CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND)""").params(orderId, outcome.name(), micros(retry)).update();
    }

    /**
     * Makes the calls still owed for the order, now: restock, then refund, each stamped once answered. A peer
     * that cannot answer is recorded (the error, one more attempt, the next attempt after the backoff) and never
     * thrown: the move it follows has happened. Nothing owed (or no row): nothing done. The row as left.
     */
    Optional<Owed> settle(String orderId) {
        Optional<Owed> found = find(orderId);
        if (found.isEmpty() || found.get().settled()) {
            return found;
        }
        Owed owed = found.get();
        List<String> failures = new ArrayList<>();
        if (owed.restockedAt() == null) {
            try {
                Inventory.Settled restocked = inventory.restock(orderId);
                if (restocked != Inventory.Settled.DONE) {
                    // Nothing sold to put back (never confirmed, or unknown there): nothing to retry either.
                    log.warn("Order {}: inventory-service had no sold stock to restock ({})", orderId, restocked);
                }
                stamp(orderId, "restocked_at");
            } catch (RuntimeException unavailable) {
                failures.add("restock: " + unavailable.getMessage());
            }
        }
        if (owed.refundedAt() == null) {
            try {
                if (!payments.refund(orderId)) {
                    log.warn("Order {}: payment-service had no captured payment to refund", orderId);
                }
                stamp(orderId, "refunded_at");
            } catch (RuntimeException unavailable) {
                failures.add("refund: " + unavailable.getMessage());
            }
        }
        if (failures.isEmpty()) {
            jdbc.sql("""
                            UPDATE order_compensation SET settled_at = CURRENT_TIMESTAMP(6), last_error = NULL
                            WHERE order_id = ? AND settled_at IS NULL
                              AND restocked_at IS NOT NULL AND refunded_at IS NOT NULL""").param(orderId).update();
        } else {
            Duration wait = retry.multipliedBy(1L << Math.min(owed.attempts(), MAX_DOUBLINGS));
            String error = String.join("; ", failures);
            jdbc.sql("""
                            UPDATE order_compensation SET attempts = attempts + 1, last_error = ?,
                                                          next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND
                            WHERE order_id = ?""")
                    .params(error.length() > 500 ? error.substring(0, 500) : error, micros(wait), orderId)
                    .update();
            log.warn("Order {} {}: still owed ({}); retried in {}", orderId, owed.outcome(), error, wait);
        }
        return find(orderId);
    }

    /** How many cancelled or returned orders still owe a restock or a refund (due or waiting for their backoff). */
    long owed() {
        return jdbc.sql("SELECT COUNT(*) FROM order_compensation WHERE settled_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** Order ids whose compensation is owed and due, the longest due first. */
    List<String> due(int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM order_compensation
                        WHERE settled_at IS NULL AND next_attempt_at <= CURRENT_TIMESTAMP(6)
                        ORDER BY next_attempt_at LIMIT ?""").param(limit).query(String.class).list();
    }

    /**
     * Takes a due row for this sweeper (a compare-and-set on its next attempt): false when another sweeper
     * took it first or it is no longer due.
     */
    boolean claim(String orderId) {
        return jdbc.sql("""
                                UPDATE order_compensation SET next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND
                                WHERE order_id = ? AND settled_at IS NULL AND next_attempt_at <= CURRENT_TIMESTAMP(6)""").params(micros(CLAIM), orderId).update() == 1;
    }

    Optional<Owed> find(String orderId) {
        return jdbc.sql("""
                        SELECT order_id, outcome, restocked_at, refunded_at, settled_at, attempts, last_error
                        FROM order_compensation WHERE order_id = ?""")
                .param(orderId)
                .query((row, n) -> new Owed(
                        row.getString("order_id"),
                        OrderStatus.valueOf(row.getString("outcome")),
                        instant(row.getTimestamp("restocked_at")),
                        instant(row.getTimestamp("refunded_at")),
                        instant(row.getTimestamp("settled_at")),
                        row.getInt("attempts"),
                        row.getString("last_error")))
                .optional();
    }

    private void stamp(String orderId, String column) {
        // column is one of two constants above, never input
        jdbc.sql("UPDATE order_compensation SET " + column + " = CURRENT_TIMESTAMP(6) WHERE order_id = ? AND " + column
                        + " IS NULL")
                .param(orderId)
                .update();
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
