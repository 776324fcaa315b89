package dev.bazaar.payment.payment;

import dev.bazaar.contracts.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payments whose money was taken (CAPTURED, or REFUNDED: a refund only ever follows a capture), by order
 * id, for order-service's reconciliation: every placed order has one, and each has an order. Read only; keyset
 * paged on the unique key {@code payment_order (order_id)}, which the range scan walks in order.
 */
@Repository
class CapturedPayments {

    /** @param updatedAt the last change of the payment (its capture or refund): a recent one may still be moving */
    record Captured(String orderId, String paymentId, Payment.Status status, Money amount, Instant updatedAt) {}

    private final JdbcClient jdbc;

    CapturedPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After {@code after} (exclusive; null: from the start), up to {@code until} (inclusive; null: no bound). */
    List<Captured> page(String after, String until, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder range = new StringBuilder();
        if (after != null) {
            range.append(" AND order_id > ?");
            params.add(after);
        }
        if (until != null) {
            range.append(" AND order_id <= ?");
            params.add(until);
        }
        params.add(size);
        return jdbc.sql("""
                        SELECT order_id, id, status, amount_minor, currency, updated_at FROM payment
                        WHERE status IN ('CAPTURED', 'REFUNDED')%s
                        ORDER BY order_id LIMIT ?""".formatted(range))
                .params(params)
                .query((rs, n) -> new Captured(
                        rs.getString("order_id"),
                        rs.getString("id"),
                        Payment.Status.valueOf(rs.getString("status")),
                        new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
