package dev.bazaar.order.reconciliation;

import dev.bazaar.contracts.Money;
import dev.bazaar.order.peers.PeerHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The read-only listings reconciliation walks, each keyset paged by its peer: inventory-service's stock rows
 * beside their ledger figures and its ledger per order reference ({@code /internal/inventory/reconciliation/…}),
 * payment-service's captured payments ({@code /internal/payments/captured}). A peer that does not answer fails
 * the run (503 problem from {@link PeerHttp}): a check is never half-reported as clean.
 */
class Listings {

    /** The ledger's figures in the order inventory-service states them. */
    record Figures(long onHand, long reserved, long sold) {

        @Override
        public String toString() {
            return "onHand " + onHand + ", reserved " + reserved + ", sold " + sold;
        }
    }

    record StockRow(String itemId, String warehouseId, Figures stored, Figures ledger, long received, long adjusted) {}

    /** What the ledger holds for one item of an order: reserved (all of it), sold, released, restocked. */
    record Held(long reserved, long sold, long released, long restocked) {

        static final Held NOTHING = new Held(0, 0, 0, 0);

        long outstanding() {
            return reserved - sold - released;
        }

        @Override
        public String toString() {
            return "reserved " + reserved + ", sold " + sold + ", released " + released + ", restocked " + restocked;
        }
    }

    record HeldLine(String itemId, String warehouseId, Held held) {}

    record OrderHolding(String orderId, Instant lastChangedAt, List<HeldLine> lines) {}

    record CapturedPayment(String orderId, String paymentId, String status, Money amount, Instant updatedAt) {}

    private static final String TOKEN = "X-Internal-Token";

    private final PeerHttp inventory;
    private final PeerHttp payments;
    private final String token;
    private final int pageSize;

    Listings(PeerHttp inventory, PeerHttp payments, String token, int pageSize) {
        this.inventory = inventory;
        this.payments = payments;
        this.token = token;
        this.pageSize = pageSize;
    }

    /** Every stock row, a page at a time. */
    void stock(Consumer<List<StockRow>> pages) {
        String after = null;
        do {
            JsonNode page = read(
                    inventory,
                    "/internal/inventory/reconciliation/stock?size=" + pageSize
                            + (after == null ? "" : "&after=" + encode(after)));
            List<StockRow> rows = new ArrayList<>();
            page.path("rows")
                    .forEach(row -> rows.add(new StockRow(
                            row.path("itemId").asString(),
                            row.path("warehouseId").asString(),
                            figures(row.path("stored")),
                            figures(row.path("ledger")),
                            row.path("ledger").path("received").asLong(),
                            row.path("ledger").path("adjusted").asLong())));
            pages.accept(rows);
            after = page.path("next").asString(null);
        } while (after != null);
    }

    /** The ledger's order references in ({@code after}, {@code until}] (null: unbounded), a page at a time. */
    void holdings(String after, String until, Consumer<List<OrderHolding>> pages) {
        String from = after;
        do {
            JsonNode page = read(inventory, "/internal/inventory/reconciliation/orders" + range(from, until));
            List<OrderHolding> holdings = new ArrayList<>();
            page.path("orders").forEach(order -> {
                List<HeldLine> lines = new ArrayList<>();
                order.path("lines")
                        .forEach(line -> lines.add(new HeldLine(
                                line.path("itemId").asString(),
                                line.path("warehouseId").asString(),
                                new Held(
                                        line.path("reserved").asLong(),
                                        line.path("sold").asLong(),
                                        line.path("released").asLong(),
                                        line.path("restocked").asLong()))));
                holdings.add(new OrderHolding(
                        order.path("orderId").asString(),
                        Instant.parse(order.path("lastChangedAt").asString()),
                        lines));
            });
            pages.accept(holdings);
            from = page.path("next").asString(null);
        } while (from != null);
    }

    /** payment-service's captured (or refunded) payments in ({@code after}, {@code until}], a page at a time. */
    void captured(String after, String until, Consumer<List<CapturedPayment>> pages) {
        String from = after;
        do {
            JsonNode page = read(payments, "/internal/payments/captured" + range(from, until));
            List<CapturedPayment> captured = new ArrayList<>();
            page.path("payments")
                    .forEach(payment -> captured.add(new CapturedPayment(
                            payment.path("orderId").asString(),
                            payment.path("paymentId").asString(),
                            payment.path("status").asString(),
                            new Money(
                                    payment.path("amount").path("minor").asLong(),
                                    payment.path("amount").path("currency").asString()),
                            Instant.parse(payment.path("updatedAt").asString()))));
            pages.accept(captured);
            from = page.path("next").asString(null);
        } while (from != null);
    }

    private String range(String after, String until) {
        return "?size=" + pageSize + (after == null ? "" : "&after=" + encode(after))
                + (until == null ? "" : "&until=" + encode(until));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode read(PeerHttp peer, String path) {
        PeerHttp.Answer answer = peer.get(path, TOKEN, token);
        if (!answer.is(200)) {
            throw peer.unavailable(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static Figures figures(JsonNode node) {
        return new Figures(
                node.path("onHand").asLong(),
                node.path("reserved").asLong(),
                node.path("sold").asLong());
    }
}
