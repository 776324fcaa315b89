package dev.bazaar.order.reconciliation;

import org.springframework.stereotype.Component;

/**
 * Check (1), per (item, warehouse) in inventory-service: the stored on hand, reserved and sold are what the
 * ledger gives, and received + adjusted = on hand + sold. That is the repository's identity: reserved is a part
 * of on hand (stock still in the warehouse, blocked for an unpaid order), so the "received = on hand +
 * reserved + sold" would count it twice; a restock (a sold unit back on hand) moves a unit from sold to on
 * hand and leaves the sum alone. Each page is read in one statement by inventory-service, so a stock row and
 * its ledger rows (written in one transaction) are never caught half-way: no grace is needed here.
 */
@Component
class StockCheck {

    void run(Listings listings, Findings findings) {
        listings.stock(rows -> rows.forEach(row -> {
            findings.stockRows++;
            if (!row.stored().equals(row.ledger())) {
                findings.report(new Mismatch(
                        Mismatch.Kind.STOCK_LEDGER,
                        null,
                        row.itemId(),
                        row.warehouseId(),
                        null,
                        row.ledger().toString(),
                        row.stored().toString(),
                        "the stored stock differs from its ledger: a change escaped its ledger row (or the reverse)"));
            }
            long received = row.received() + row.adjusted();
            long accounted = row.stored().onHand() + row.stored().sold();
            if (received != accounted) {
                findings.report(new Mismatch(
                        Mismatch.Kind.STOCK_IDENTITY,
                        null,
                        row.itemId(),
                        row.warehouseId(),
                        null,
                        "received + adjusted = " + row.received() + " + " + row.adjusted() + " = " + received,
                        "on hand + sold = " + row.stored().onHand() + " + "
                                + row.stored().sold() + " = " + accounted,
                        "received (+- adjustments) must equal on hand + sold (reserved is part of on hand)"));
            }
        }));
    }
}
