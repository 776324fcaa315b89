package dev.bazaar.inventory.stock;

import dev.bazaar.starter.problem.ApiProblem;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OPS corrections of a warehouse's on hand, once per adjustment id, with a reason from a fixed set: the
 * adjustment row, the stock, its ledger row and its {@code StockChanged} in one transaction. A negative
 * delta never takes on hand below what is reserved for unpaid orders (the one conditional UPDATE in
 * {@link Stock#adjust}): stock that is promised to a buyer cannot be written off under them. A repeat (a
 * retry) finds the row and changes nothing; the same id with other contents is refused.
 */
@Service
class Adjustments {

    enum Reason {
        DAMAGED,
        LOST,
        FOUND,
        COUNT_CORRECTION,
        RETURNED
    }

    record Adjustment(String adjustmentId, String warehouseId, String itemId, long delta, Reason reason) {}

    private final JdbcClient jdbc;
    private final Stock stock;
    private final TransactionTemplate transaction;

    Adjustments(JdbcClient jdbc, Stock stock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.transaction = transaction;
    }

    Adjustment adjust(Adjustment adjustment) {
        Optional<Adjustment> earlier = find(adjustment.adjustmentId());
        if (earlier.isEmpty()) {
            boolean[] applied = {false};
            try {
                transaction.executeWithoutResult(status -> {
                    // The adjustment row first: a parallel repeat waits on its key and then finds it taken.
                    jdbc.sql("""
                                    INSERT INTO adjustment (adjustment_id, warehouse_id, item_id, delta, reason)
                                    VALUES (?, ?, ?, ?, ?)""")
                            .params(
                                    adjustment.adjustmentId(),
                                    adjustment.warehouseId(),
                                    adjustment.itemId(),
                                    adjustment.delta(),
                                    adjustment.reason().name())
                            .update();
                    applied[0] = stock.adjust(
                            adjustment.itemId(),
                            adjustment.warehouseId(),
                            adjustment.delta(),
                            adjustment.adjustmentId());
                    if (!applied[0]) {
                        status.setRollbackOnly();
                    }
                });
            } catch (DuplicateKeyException repeatedMeanwhile) {
                earlier = find(adjustment.adjustmentId());
            }
            if (earlier.isEmpty()) {
                if (!applied[0]) {
                    throw belowReserved(adjustment);
                }
                return adjustment;
            }
        }
        if (!earlier.orElseThrow().equals(adjustment)) {
            throw ApiProblem.conflict(
                            "adjustment-id-reused",
                            "Adjustment '" + adjustment.adjustmentId() + "' was already applied with other contents")
                    .with("adjusted", earlier.get());
        }
        return earlier.get();
    }

    /** The 409 of a negative delta larger than what is on hand and not reserved (the figures as read now). */
    private ApiProblem belowReserved(Adjustment adjustment) {
        StockLevel level = stock.levels(adjustment.itemId()).stream()
                .filter(l -> l.warehouseId().equals(adjustment.warehouseId()))
                .findFirst()
                .orElse(new StockLevel(adjustment.warehouseId(), 0, 0, 0));
        return ApiProblem.conflict(
                        "adjustment-below-reserved",
                        "Taking " + -adjustment.delta() + " off would leave on hand below reserved in warehouse '"
                                + adjustment.warehouseId() + "' (on hand " + level.onHand() + ", reserved "
                                + level.reserved() + "); nothing was changed")
                .with("onHand", level.onHand())
                .with("reserved", level.reserved());
    }

    private Optional<Adjustment> find(String adjustmentId) {
        return jdbc.sql("""
                        SELECT adjustment_id, warehouse_id, item_id, delta, reason FROM adjustment
                        WHERE adjustment_id = ?""")
                .param(adjustmentId)
                .query((rs, row) -> new Adjustment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        Reason.valueOf(rs.getString(5))))
                .optional();
    }
}
