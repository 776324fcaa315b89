package dev.bazaar.payment.psp.simulator;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated PSP's books: hosted sessions (one per merchant reference), their completion from the hosted
 * page (a compare-and-set: a session completes once), refunds (one per transaction) and the webhook events it
 * makes, each with its own id. It knows nothing of payment-service beyond what a real PSP would: a merchant
 * reference, an amount and a return URL.
 */
@Service
class PspSimulator {

    record Session(
            String sessionId,
            String merchantReference,
            String status,
            String transactionId,
            Money amount,
            String reason,
            String returnUrl) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WebhookSender webhooks;
    private final PspSimulatorProperties settings;

    PspSimulator(JdbcClient jdbc, JsonMapper json, WebhookSender webhooks, PspSimulatorProperties settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    /** A new session, or the one made before for this merchant reference (the same amount only: else 409). */
    Session create(String merchantReference, Money amount, String returnUrl) {
        Optional<Session> earlier = byReference(merchantReference);
        if (earlier.isEmpty()) {
            String id = "ps_" + UUID.randomUUID().toString().replace("-", "");
            try {
                jdbc.sql("""
                                INSERT INTO psp_sim_session
                                    (id, merchant_reference, amount_minor, currency, return_url, status)
                                VALUES (?, ?, ?, ?, ?, 'PENDING')""")
                        .params(id, merchantReference, amount.minor(), amount.currency(), returnUrl)
                        .update();
                Session created = find(id).orElseThrow();
                // The "pending" event: sent late on purpose when out of order, so it tends to arrive after the
                // final one; and sent again after the final event in any case (complete).
                Duration delay = settings.webhooks().delay();
                event(created, "payment.pending", settings.webhooks().outOfOrder() ? delay.multipliedBy(3) : delay);
                return created;
            } catch (DuplicateKeyException madeMeanwhile) {
                earlier = byReference(merchantReference);
            }
        }
        Session session = earlier.orElseThrow();
        if (!session.amount().equals(amount)) {
            throw ApiProblem.conflict(
                    "session-conflict",
                    "Merchant reference '" + merchantReference + "' has a session for another amount");
        }
        return session;
    }

    /**
     * The shopper's choice on the hosted page. The first choice completes the session; later ones change
     * nothing. Answers the session as it is now.
     */
    Session complete(String sessionId, boolean pay) {
        Session session = find(sessionId).orElseThrow(() -> ApiProblem.notFound("Session", sessionId));
        String status;
        String reason = null;
        if (!pay || settings.outcome() == PspSimulatorProperties.Outcome.DECLINE) {
            status = "DECLINED";
            reason = pay ? "declined by the issuer" : "declined by the shopper";
        } else if (settings.outcome() == PspSimulatorProperties.Outcome.FAIL) {
            status = "FAILED";
            reason = "issuer unavailable";
        } else {
            status = "CAPTURED";
        }
        String transactionId = status.equals("CAPTURED")
                ? "txn_" + UUID.randomUUID().toString().replace("-", "")
                : null;
        int moved =
                jdbc.sql("""
                        UPDATE psp_sim_session SET status = ?, transaction_id = ?, reason = ?, completed_at = CURRENT_TIMESTAMP(6)
                        WHERE id = ? AND status = 'PENDING'""").params(status, transactionId, reason, sessionId).update();
        Session now = find(sessionId).orElseThrow();
        if (moved == 1) {
            event(
                    now,
                    "payment." + status.toLowerCase(java.util.Locale.ROOT),
                    settings.webhooks().delay());
            if (settings.webhooks().outOfOrder()) {
                // The stale "pending" event once more, after the final one.
                jdbc.sql("SELECT id, payload FROM psp_sim_event WHERE session_id = ? AND type = 'payment.pending'")
                        .param(sessionId)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list()
                        .forEach(pending -> webhooks.schedule(
                                pending.getKey(),
                                pending.getValue(),
                                settings.webhooks()
                                        .delay()
                                        .plusMillis(settings.webhooks().copies() + 10L)));
            }
        }
        return now;
    }

    /** One full refund per transaction of a captured session; asked again, the same refund id. */
    String refund(String transactionId, Money amount) {
        Session session = jdbc.sql("SELECT id FROM psp_sim_session WHERE transaction_id = ? AND status = 'CAPTURED'")
                .param(transactionId)
                .query(String.class)
                .optional()
                .flatMap(this::find)
                .orElseThrow(() -> ApiProblem.notFound("Transaction", transactionId));
        if (!session.amount().equals(amount)) {
            throw ApiProblem.conflict("refund-amount", "Only a full refund of " + session.amount() + " is possible");
        }
        jdbc.sql("""
                        INSERT IGNORE INTO psp_sim_refund (transaction_id, refund_id, amount_minor, currency)
                        VALUES (?, ?, ?, ?)""")
                .params(
                        transactionId,
                        "rf_" + UUID.randomUUID().toString().replace("-", ""),
                        amount.minor(),
                        amount.currency())
                .update();
        return jdbc.sql("SELECT refund_id FROM psp_sim_refund WHERE transaction_id = ?")
                .param(transactionId)
                .query(String.class)
                .single();
    }

    Optional<Session> find(String sessionId) {
        return jdbc.sql("""
                        SELECT id, merchant_reference, status, transaction_id, amount_minor, currency, return_url, reason
                        FROM psp_sim_session WHERE id = ?""")
                .param(sessionId)
                .query((rs, n) -> new Session(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        new Money(rs.getLong(5), rs.getString(6)),
                        rs.getString(8),
                        rs.getString(7)))
                .optional();
    }

    private Optional<Session> byReference(String merchantReference) {
        return jdbc.sql("SELECT id FROM psp_sim_session WHERE merchant_reference = ?")
                .param(merchantReference)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    /** Records an event with a new id and its payload as of now, and schedules its delivery. */
    private void event(Session session, String type, Duration after) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", session.sessionId());
        data.put("merchantReference", session.merchantReference());
        data.put("status", session.status());
        data.put("transactionId", session.transactionId());
        data.put("amount", session.amount());
        data.put("reason", session.reason());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("createdAt", Instant.now().toString());
        event.put("data", data);
        String payload = json.writeValueAsString(event);
        jdbc.sql("INSERT INTO psp_sim_event (id, session_id, type, payload) VALUES (?, ?, ?, ?)")
                .params(eventId, session.sessionId(), type, payload)
                .update();
        webhooks.schedule(eventId, payload, after);
    }

    /** The configured API latency of a slow PSP. */
    void latency() {
        long millis = settings.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
