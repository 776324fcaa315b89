package dev.bazaar.payment.payment;

import dev.bazaar.contracts.Money;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment} table in explicit SQL. Every status change is a compare-and-set on the status. */
@Repository
class PaymentStore {

    /** What a state change needs beyond the public read: the PSP's session. */
    record Row(Payment payment, String pspReference) {}

    private static final String COLUMNS = "id, order_id, user_id, status, amount_minor, currency, method, redirect_url,"
            + " psp_transaction_id, refund_id, failure_reason, created_at, updated_at, psp_reference";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            new Payment(
                    rs.getString("id"),
                    rs.getString("order_id"),
                    rs.getString("user_id"),
                    Payment.Status.valueOf(rs.getString("status")),
                    new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                    Payment.Method.valueOf(rs.getString("method")),
                    rs.getString("redirect_url"),
                    rs.getString("psp_transaction_id"),
                    rs.getString("refund_id"),
                    rs.getString("failure_reason"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant()),
            rs.getString("psp_reference"));

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byOrder(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = ?")
                .param(orderId)
                .query(ROW)
                .optional();
    }

    Optional<Row> byId(String paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ?")
                .param(paymentId)
                .query(ROW)
                .optional();
    }

    /** Throws DuplicateKeyException when the order already has a payment (waiting for a concurrent insert). */
    void insert(String paymentId, String orderId, String userId, Money amount, Payment.Method method) {
        jdbc.sql("""
                        INSERT INTO payment (id, order_id, user_id, amount_minor, currency, method, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(paymentId, orderId, userId, amount.minor(), amount.currency(), method.name())
                .update();
    }

    /** Records the PSP's session once; a second session (there is none: the PSP is idempotent) is ignored. */
    void attachSession(String paymentId, String sessionId, String redirectUrl) {
        jdbc.sql("""
                        UPDATE payment SET psp_reference = ?, redirect_url = ?, updated_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND psp_reference IS NULL""").params(sessionId, redirectUrl, paymentId).update();
    }

    /** PENDING -> a final state; true when this call moved it (false: it was no longer PENDING). */
    boolean settle(String paymentId, Payment.Status target, String transactionId, String reason) {
        return jdbc.sql("""
                                UPDATE payment SET status = ?, psp_transaction_id = ?, failure_reason = ?,
                                    updated_at = CURRENT_TIMESTAMP(6)
                                WHERE id = ? AND status = 'PENDING'""")
                        .params(target.name(), transactionId, reason, paymentId)
                        .update()
                == 1;
    }

    /** CAPTURED -> REFUNDED; true when this call moved it. */
    boolean refunded(String paymentId, String refundId) {
        return jdbc.sql("""
                                UPDATE payment SET status = 'REFUNDED', refund_id = ?, updated_at = CURRENT_TIMESTAMP(6)
                                WHERE id = ? AND status = 'CAPTURED'""").params(refundId, paymentId).update() == 1;
    }

    /** Records a webhook event by the PSP's id; false when it was recorded before (a redelivery). */
    boolean firstDelivery(String eventId, String type, String paymentId) {
        return jdbc.sql("INSERT IGNORE INTO psp_webhook_event (event_id, type, payment_id) VALUES (?, ?, ?)")
                        .params(eventId, type, paymentId)
                        .update()
                == 1;
    }
}
