package dev.bazaar.order.reconciliation;

import dev.bazaar.order.history.MergedOrders;
import dev.bazaar.order.reconciliation.Listings.CapturedPayment;
import dev.bazaar.order.reconciliation.Listings.Held;
import dev.bazaar.order.reconciliation.Listings.HeldLine;
import dev.bazaar.order.reconciliation.Listings.OrderHolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks (2) and (3): the orders against inventory's ledger and payment-service's captured payments.
 *
 * <p>One walk in order id order: a page of live orders (ids up to {@code last}), then the ledger references
 * and the captured payments in the same id range (after the previous page's last id, up to {@code last}), so
 * each side of an order is read beside it without holding every order in memory. A reference or payment in the
 * range without a live order, and all of them past the last live order, are looked up in
 * {@link MergedOrders} (live, then the Cassandra archive): found, it is checked against that order (the side
 * that named it); not found, it is a mismatch. Both peers and MariaDB order the ids alike (UUIDs).
 *
 * <p><b>Orders still moving.</b> An order, a reference or a payment that changed within {@code grace} before
 * the run started is left for the next run, and a mismatch about a live order is reported only if the order's
 * version is still the one the page read: a capture on its way (confirmed in the ledger, the order not yet
 * PLACED) is never reported.
 */
@Component
class OrderCheck {

    private final LiveOrders live;
    private final MergedOrders merged;

    OrderCheck(LiveOrders live, MergedOrders merged) {
        this.live = live;
        this.merged = merged;
    }

    void run(Listings listings, Findings findings, Instant settledBefore, int pageSize) {
        Walk walk = new Walk(findings, settledBefore);
        String previous = null;
        List<OrderSnapshot> page;
        do {
            page = live.page(previous, pageSize);
            if (page.isEmpty()) {
                break;
            }
            String last = page.get(page.size() - 1).orderId();
            Map<String, OrderSnapshot> byId = new LinkedHashMap<>();
            page.forEach(order -> byId.put(order.orderId(), order));
            Map<String, OrderHolding> holdings = new HashMap<>();
            Map<String, List<CapturedPayment>> payments = new HashMap<>();
            listings.holdings(
                    previous,
                    last,
                    chunk -> chunk.forEach(holding -> {
                        findings.ledgerReferences++;
                        if (byId.containsKey(holding.orderId())) {
                            holdings.put(holding.orderId(), holding);
                        } else {
                            walk.unmatched(holding);
                        }
                    }));
            listings.captured(
                    previous,
                    last,
                    chunk -> chunk.forEach(payment -> {
                        findings.payments++;
                        if (byId.containsKey(payment.orderId())) {
                            payments.computeIfAbsent(payment.orderId(), id -> new ArrayList<>())
                                    .add(payment);
                        } else {
                            walk.unmatched(payment);
                        }
                    }));
            for (OrderSnapshot order : page) {
                findings.orders++;
                walk.check(order, Optional.ofNullable(holdings.get(order.orderId())), payments.get(order.orderId()));
            }
            previous = last;
        } while (page.size() == pageSize);
        String after = previous;
        listings.holdings(
                after,
                null,
                chunk -> chunk.forEach(holding -> {
                    findings.ledgerReferences++;
                    walk.unmatched(holding);
                }));
        listings.captured(
                after,
                null,
                chunk -> chunk.forEach(payment -> {
                    findings.payments++;
                    walk.unmatched(payment);
                }));
    }

    /** One run's walk: the checks of one order, and the look-ups of what no live order of the page claimed. */
    private final class Walk {

        private final Findings findings;
        private final Instant settledBefore;

        Walk(Findings findings, Instant settledBefore) {
            this.findings = findings;
            this.settledBefore = settledBefore;
        }

        private boolean moving(Instant changedAt) {
            if (changedAt.isAfter(settledBefore)) {
                findings.skippedAsMoving++;
                return true;
            }
            return false;
        }

        /** A live order of the page with what the ledger and payment-service hold for it (either may be absent). */
        void check(OrderSnapshot order, Optional<OrderHolding> holding, List<CapturedPayment> payments) {
            if (moving(order.updatedAt())) {
                return;
            }
            List<Mismatch> found = new ArrayList<>();
            if (holding.isEmpty() || !moving(holding.get().lastChangedAt())) {
                ledger(order, holding.map(OrderHolding::lines).orElse(List.of()), found);
            }
            List<CapturedPayment> captured = payments == null ? List.of() : payments;
            if (captured.stream().noneMatch(payment -> moving(payment.updatedAt()))) {
                payment(order, captured, found);
            }
            reportUnlessMoved(order, found);
        }

        /** A ledger reference no live order of its range claimed: archived, created since, or nobody's. */
        void unmatched(OrderHolding holding) {
            if (moving(holding.lastChangedAt())) {
                return;
            }
            Optional<OrderSnapshot> order = find(holding.orderId());
            if (order.isEmpty()) {
                for (HeldLine line : holding.lines()) {
                    findings.report(new Mismatch(
                            Mismatch.Kind.LEDGER_WITHOUT_ORDER,
                            holding.orderId(),
                            line.itemId(),
                            line.warehouseId(),
                            null,
                            "an order " + holding.orderId() + ", live or archived",
                            line.held().toString(),
                            "the ledger holds stock for an order reference that no order has"));
                }
                return;
            }
            if (moving(order.get().updatedAt())) {
                return;
            }
            List<Mismatch> found = new ArrayList<>();
            ledger(order.get(), holding.lines(), found);
            reportUnlessMoved(order.get(), found);
        }

        /** A captured payment no live order of its range claimed: archived, created since, or an orphan. */
        void unmatched(CapturedPayment payment) {
            if (moving(payment.updatedAt())) {
                return;
            }
            Optional<OrderSnapshot> order = find(payment.orderId());
            if (order.isEmpty()) {
                findings.report(new Mismatch(
                        Mismatch.Kind.PAYMENT_WITHOUT_ORDER,
                        payment.orderId(),
                        null,
                        null,
                        payment.paymentId(),
                        "an order " + payment.orderId() + " that reached PLACED",
                        "no order, live or archived; payment " + payment.status() + " "
                                + payment.amount().minor() + " "
                                + payment.amount().currency(),
                        "money was taken for an order that does not exist"));
                return;
            }
            if (moving(order.get().updatedAt())) {
                return;
            }
            List<Mismatch> found = new ArrayList<>();
            payment(order.get(), List.of(payment), found);
            reportUnlessMoved(order.get(), found);
        }

        private Optional<OrderSnapshot> find(String orderId) {
            return merged.findWithHistory(orderId)
                    .map(found -> OrderSnapshot.of(
                            found.order(),
                            found.history(),
                            live.version(orderId).isPresent()));
        }

        /** A live order's mismatches stand only if it has not moved since it was read (its version). */
        private void reportUnlessMoved(OrderSnapshot order, List<Mismatch> found) {
            if (found.isEmpty()) {
                return;
            }
            if (order.live() && !live.version(order.orderId()).equals(Optional.of(order.version()))) {
                findings.skippedAsMoving++;
                return;
            }
            found.forEach(findings::report);
        }

        private void ledger(OrderSnapshot order, List<HeldLine> held, List<Mismatch> found) {
            Map<String, List<HeldLine>> byItem = new LinkedHashMap<>();
            held.forEach(line -> byItem.computeIfAbsent(line.itemId(), id -> new ArrayList<>())
                    .add(line));
            for (OrderSnapshot.Line line : order.lines()) {
                List<HeldLine> ledger = byItem.remove(line.itemId());
                if (ledger != null && ledger.size() > 1) {
                    found.add(orderLedger(
                            order,
                            line.itemId(),
                            line.warehouseId(),
                            "one warehouse",
                            ledger.stream().map(HeldLine::warehouseId).toList().toString(),
                            "the ledger holds the line in several warehouses; a line is never split"));
                    continue;
                }
                HeldLine actual = ledger == null ? null : ledger.get(0);
                Held figures = actual == null ? Held.NOTHING : actual.held();
                Held expected = Expectations.ledger(order, line.quantity(), figures);
                if (!expected.equals(figures)) {
                    found.add(orderLedger(
                            order,
                            line.itemId(),
                            actual == null ? line.warehouseId() : actual.warehouseId(),
                            expected.toString(),
                            figures.toString(),
                            "order " + order.status() + (order.placed() ? " (placed before)" : "") + ", line of "
                                    + line.quantity()));
                } else if (actual != null
                        && line.warehouseId() != null
                        && !line.warehouseId().equals(actual.warehouseId())) {
                    found.add(orderLedger(
                            order,
                            line.itemId(),
                            actual.warehouseId(),
                            "warehouse " + line.warehouseId(),
                            "warehouse " + actual.warehouseId(),
                            "the ledger holds the line in another warehouse than the order records"));
                }
            }
            byItem.values()
                    .forEach(lines -> lines.forEach(extra -> found.add(orderLedger(
                            order,
                            extra.itemId(),
                            extra.warehouseId(),
                            Held.NOTHING.toString(),
                            extra.held().toString(),
                            "the ledger holds an item the order has no line for"))));
        }

        private Mismatch orderLedger(
                OrderSnapshot order, String itemId, String warehouseId, String expected, String actual, String detail) {
            return new Mismatch(
                    Mismatch.Kind.ORDER_LEDGER, order.orderId(), itemId, warehouseId, null, expected, actual, detail);
        }

        private void payment(OrderSnapshot order, List<CapturedPayment> captured, List<Mismatch> found) {
            String expected = Expectations.payment(order);
            if (captured.size() > 1 || (expected != null && captured.isEmpty())) {
                found.add(new Mismatch(
                        Mismatch.Kind.PLACED_WITHOUT_PAYMENT,
                        order.orderId(),
                        null,
                        null,
                        captured.isEmpty() ? null : captured.get(0).paymentId(),
                        "exactly one captured payment (" + expected + ")",
                        captured.size() + " captured",
                        "order " + order.status()
                                + ": every order that reached PLACED has exactly one captured payment"));
                return;
            }
            if (captured.isEmpty()) {
                return;
            }
            CapturedPayment payment = captured.get(0);
            boolean fits = expected == null
                    ? Expectations.refundedAllowed(order) && "REFUNDED".equals(payment.status())
                    : expected.equals(payment.status());
            if (!fits) {
                found.add(new Mismatch(
                        Mismatch.Kind.PAYMENT_STATUS,
                        order.orderId(),
                        null,
                        null,
                        payment.paymentId(),
                        expected == null
                                ? (Expectations.refundedAllowed(order)
                                        ? "REFUNDED (captured too late)"
                                        : "no captured payment")
                                : expected,
                        payment.status(),
                        "order " + order.status() + (order.placed() ? " (placed before)" : " (never placed)")));
            }
            if (!payment.amount().equals(order.total())) {
                found.add(new Mismatch(
                        Mismatch.Kind.PAYMENT_AMOUNT,
                        order.orderId(),
                        null,
                        null,
                        payment.paymentId(),
                        order.total().minor() + " " + order.total().currency(),
                        payment.amount().minor() + " " + payment.amount().currency(),
                        "the captured amount is not the order's total"));
            }
        }
    }
}
