package dev.bazaar.inventory.reservation;

import dev.bazaar.inventory.InventoryProperties;
import dev.bazaar.inventory.reservation.Reservation.Line;
import dev.bazaar.inventory.reservation.Reservation.Status;
import dev.bazaar.inventory.stock.Stock;
import dev.bazaar.starter.problem.ApiProblem;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reservations for order-service. Reserving blocks every line of an order or none: each line tries its
 * ranked warehouses in order, each attempt a conditional UPDATE ({@link Stock#reserve}), the first that
 * has the quantity available wins; a line that none can serve rolls the whole transaction back. Confirm
 * and release are a compare-and-set on the status (RESERVED -> CONFIRMED | RELEASED) before any stock
 * moves, so each happens once, and a confirm after a release (or the reverse) is refused, never applied.
 * Each is idempotent: asked again it answers as the first time.
 */
@Service
class Reservations {

    /**
     * A line as order-service asks for it.
     *
     * @param warehouseIds tried in this order (serviceability's ranking for the shopper's pincode)
     */
    record Wanted(String itemId, long quantity, List<String> warehouseIds) {}

    /** A reservation and whether this call made it (false: an earlier call with this order id did). */
    record Reserved(Reservation reservation, boolean created) {}

    /** The lines whose stock could not be blocked in any of their warehouses: the 409 names them. */
    record Shortage(String itemId, long requested) {}

    private final JdbcClient jdbc;
    private final Stock stock;
    private final TransactionTemplate transaction;
    private final InventoryProperties.Reservations settings;

    Reservations(JdbcClient jdbc, Stock stock, TransactionTemplate transaction, InventoryProperties properties) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.transaction = transaction;
        this.settings = properties.reservations();
    }

    Reserved reserve(String orderId, List<Wanted> requested, Duration ttl) {
        Duration holdFor = ttl == null ? settings.defaultTtl() : ttl;
        if (holdFor.isNegative() || holdFor.isZero() || holdFor.compareTo(settings.maxTtl()) > 0) {
            throw ApiProblem.badRequest("invalid-ttl", "ttl must be positive and at most " + settings.maxTtl())
                    .with("maxTtl", settings.maxTtl().toString());
        }
        // Item order: two orders sharing items lock their rows in the same order, so they never deadlock
        // (a line's failed attempts lock nothing: read committed releases the rows an UPDATE did not match).
        List<Wanted> wanted =
                requested.stream().sorted(Comparator.comparing(Wanted::itemId)).toList();
        List<Shortage> shortages = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Instant expiresAt;
        try {
            expiresAt = transaction.execute(status -> {
                // The reservation row first: a repeat of the order (also one sent at the same time) fails on
                // its key, and answers what the first made (below). No read before: a new order is the rule.
                Instant expires = jdbc.sql("""
                                INSERT INTO reservation (order_id, status, expires_at)
                                VALUES (?, 'RESERVED', CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND)
                                RETURNING expires_at""")
                        .params(orderId, holdFor.toNanos() / 1_000)
                        .query(Timestamp.class)
                        .single()
                        .toInstant();
                for (Wanted line : wanted) {
                    // The line is its ledger row (Stock#reserve), which names the warehouse it came from.
                    String from = stock.reserve(line.itemId(), line.warehouseIds(), line.quantity(), orderId);
                    if (from == null) {
                        shortages.add(new Shortage(line.itemId(), line.quantity()));
                        continue;
                    }
                    lines.add(new Line(line.itemId(), line.quantity(), from));
                }
                if (!shortages.isEmpty()) {
                    status.setRollbackOnly();
                }
                return expires;
            });
        } catch (DuplicateKeyException reservedBefore) {
            return new Reserved(find(orderId).orElseThrow(), false);
        }
        if (!shortages.isEmpty()) {
            throw ApiProblem.conflict(
                            "insufficient-stock",
                            "Not enough stock in any of the warehouses of " + shortages.size()
                                    + " line(s); nothing was reserved")
                    .with("lines", shortages);
        }
        return new Reserved(new Reservation(orderId, Status.RESERVED, expiresAt, lines), true);
    }

    /** RESERVED -> CONFIRMED: the stock is sold. Again: the same answer; after a release: 409. */
    Reservation confirm(String orderId) {
        return settle(orderId, Status.CONFIRMED);
    }

    /** RESERVED -> RELEASED: the stock is available again. Again: the same answer; after a confirm: 409. */
    Reservation release(String orderId) {
        return settle(orderId, Status.RELEASED);
    }

    /**
     * CONFIRMED -> RESTOCKED: what the order bought goes back on hand, each line into the warehouse it was sold
     * from (sold down, on hand up, a RESTOCK ledger row per line). The status moves by compare-and-set before
     * any stock does, so it happens once: asked again it answers the same. A reservation that was never
     * confirmed is refused (409 {@code reservation-not-confirmed}: a RESERVED one is released instead, a
     * RELEASED one has nothing sold to put back), an unknown order 404.
     */
    Reservation restock(String orderId) {
        Reservation restocked = transaction.execute(status -> {
            int moved = jdbc.sql("""
                            UPDATE reservation SET status = 'RESTOCKED', updated_at = CURRENT_TIMESTAMP(6)
                            WHERE order_id = ? AND status = 'CONFIRMED'""").param(orderId).update();
            Reservation reservation = find(orderId).orElseThrow(() -> ApiProblem.notFound("Reservation", orderId));
            if (moved == 1) {
                for (Line line : reservation.lines()) {
                    stock.restock(line.itemId(), line.warehouseId(), line.quantity(), orderId);
                }
            }
            return reservation;
        });
        if (restocked.status() != Status.RESTOCKED) {
            throw ApiProblem.conflict(
                            "reservation-not-confirmed",
                            "Reservation '" + orderId + "' is " + restocked.status()
                                    + "; only a confirmed (sold) one can be put back in stock"
                                    + (restocked.status() == Status.RESERVED ? ": release it instead" : ""))
                    .with("status", restocked.status().name());
        }
        return restocked;
    }

    /**
     * Releases one reservation if it is still RESERVED and past its expiry (the same compare-and-set, so
     * a confirm that got there first wins); true when this call released it.
     */
    boolean releaseIfExpired(String orderId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int moved = jdbc.sql("""
                            UPDATE reservation SET status = 'RELEASED', updated_at = CURRENT_TIMESTAMP(6)
                            WHERE order_id = ? AND status = 'RESERVED' AND expires_at <= CURRENT_TIMESTAMP(6)""").param(orderId).update();
            if (moved == 1) {
                moveStock(find(orderId).orElseThrow(), Status.RELEASED);
            }
            return moved == 1;
        }));
    }

    /** Order ids of RESERVED reservations past their expiry, oldest first. */
    List<String> expired(int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM reservation
                        WHERE status = 'RESERVED' AND expires_at <= CURRENT_TIMESTAMP(6)
                        ORDER BY expires_at LIMIT ?""").param(limit).query(String.class).list();
    }

    private Reservation settle(String orderId, Status target) {
        Reservation settled = transaction.execute(status -> {
            int moved = jdbc.sql("""
                            UPDATE reservation SET status = ?, updated_at = CURRENT_TIMESTAMP(6)
                            WHERE order_id = ? AND status = 'RESERVED'""").params(target.name(), orderId).update();
            Reservation reservation = find(orderId).orElseThrow(() -> ApiProblem.notFound("Reservation", orderId));
            if (moved == 1) {
                moveStock(reservation, target);
            }
            return reservation;
        });
        if (settled.status() != target) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "reservation-" + settled.status().name().toLowerCase(java.util.Locale.ROOT),
                            "Reservation already " + settled.status().name().toLowerCase(java.util.Locale.ROOT),
                            "Reservation '" + orderId + "' is " + settled.status() + "; it cannot become " + target)
                    .with("status", settled.status().name());
        }
        return settled;
    }

    private void moveStock(Reservation reservation, Status target) {
        for (Line line : reservation.lines()) {
            if (target == Status.CONFIRMED) {
                stock.sell(line.itemId(), line.warehouseId(), line.quantity(), reservation.orderId());
            } else {
                stock.release(line.itemId(), line.warehouseId(), line.quantity(), reservation.orderId());
            }
        }
    }

    /** The reservation with its lines in item order (the order their stock rows are changed in). */
    Optional<Reservation> find(String orderId) {
        return jdbc.sql("SELECT status, expires_at FROM reservation WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> new Reservation(
                        orderId,
                        Status.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        List.of()))
                .optional()
                .map(reservation -> new Reservation(
                        orderId,
                        reservation.status(),
                        reservation.expiresAt(),
                        stock.reservedFor(orderId).stream()
                                .map(line -> new Line(line.itemId(), line.quantity(), line.warehouseId()))
                                .toList()));
    }
}
