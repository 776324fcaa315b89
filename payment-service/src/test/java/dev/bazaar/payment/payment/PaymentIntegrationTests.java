package dev.bazaar.payment.payment;

import static dev.bazaar.payment.PaymentClient.body;
import static dev.bazaar.payment.PaymentClient.newOrderId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.payment.PaymentClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payments with the simulator's webhooks held back (sent an hour late, after every test here), so each test
 * decides what reaches the webhook and when: the status API before any webhook, a late webhook after it,
 * forged, stale and tampered webhooks, client retries, refunds, and who may read what.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.psp-simulator.webhooks.delay=1h")
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class PaymentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    PaymentClient payments;

    @BeforeEach
    void client() {
        payments = new PaymentClient(port, jdbc, names);
    }

    @Test
    void theStatusApiSettlesAPaidPaymentBeforeAnyWebhookAndTheLateWebhookChangesNothing() {
        JsonNode payment = payments.newPayment("shopper-1", 99_900);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();
        payments.choose(payment, "pay");
        assertThat(payments.read(orderId).text("status")).isEqualTo("PENDING");

        HttpTestClient.Response refreshed = payments.refresh(orderId);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.text("status")).isEqualTo("CAPTURED");
        assertThat(refreshed.text("pspTransactionId")).startsWith("txn_");

        // The simulator's captured webhook, arriving late (and then once more): nothing changes.
        String session = payments.sessionOf(paymentId);
        String late = payments.simulatorEvent(session, "payment.captured");
        assertThat(payments.webhook(late).text("outcome")).isEqualTo("IGNORED");
        assertThat(payments.webhook(late).text("outcome")).isEqualTo("DUPLICATE");
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("CAPTURED");
        List<JsonNode> published = payments.publishedFor(orderId);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aForgedOrStaleWebhookIsRefusedAndChangesNothing() {
        JsonNode payment = payments.newPayment("shopper-2", 10_000);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();
        String session = payments.sessionOf(paymentId);
        String captured = PaymentClient.event("payment.captured", session, paymentId, "CAPTURED", "txn_forged", 10_000);

        assertProblem(payments.webhook(captured, "not-the-psp-secret", Instant.now()), 401, "invalid-signature");
        // Signed with the real secret ten minutes ago: a replay of an old body.
        assertProblem(
                payments.webhook(
                        captured,
                        PaymentClient.LOCAL_WEBHOOK_SECRET,
                        Instant.now().minusSeconds(600)),
                401,
                "invalid-signature");
        // No signature, a malformed one, and a body changed after signing.
        assertProblem(
                payments.anonymous()
                        .send("POST", PaymentClient.WEBHOOK, "application/json", BodyPublishers.ofString(captured)),
                401,
                "invalid-signature");
        assertProblem(
                payments.anonymous()
                        .send(
                                "POST",
                                PaymentClient.WEBHOOK,
                                "application/json",
                                BodyPublishers.ofString(captured),
                                "Psp-Signature",
                                "t=1,v1=zz"),
                401,
                "invalid-signature");
        long t = Instant.now().getEpochSecond();
        String signature = "t=" + t + ",v1=" + signatureOf(t, captured);
        assertProblem(
                payments.anonymous()
                        .send(
                                "POST",
                                PaymentClient.WEBHOOK,
                                "application/json",
                                BodyPublishers.ofString(captured.replace("10000", "1")),
                                "Psp-Signature",
                                signature),
                401,
                "invalid-signature");

        assertThat(payments.refresh(orderId).text("status")).isEqualTo("PENDING");
        assertThat(payments.webhookEventsRecorded(paymentId)).isZero();
        assertThat(payments.publishedFor(orderId)).isEmpty();
    }

    @Test
    void aCaptureOfAnotherAmountIsRefusedAlertedAndNeverCaptured() {
        JsonNode payment = payments.newPayment("shopper-3", 250_000);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();
        payments.choose(payment, "pay");
        String session = payments.sessionOf(paymentId);
        String real = payments.simulatorEvent(session, "payment.captured");
        double alertsBefore = mismatches();

        // The PSP's own event with the amount changed and signed again (a compromised or buggy PSP): 422.
        String tampered = real.replace("\"minor\":250000", "\"minor\":100");
        assertThat(tampered).isNotEqualTo(real);
        HttpTestClient.Response refused = payments.webhook(tampered);
        assertProblem(refused, 422, "amount-mismatch");
        assertThat(refused.json().path("expected").path("minor").asLong()).isEqualTo(250_000);
        assertThat(refused.json().path("reported").path("minor").asLong()).isEqualTo(100);
        HttpTestClient.Response otherCurrency = payments.webhook(real.replace("\"INR\"", "\"USD\""));
        assertProblem(otherCurrency, 422, "amount-mismatch");
        assertThat(mismatches()).isEqualTo(alertsBefore + 2);
        assertThat(payments.read(orderId).text("status")).isEqualTo("PENDING");
        assertThat(payments.webhookEventsRecorded(paymentId)).isZero();

        // The untampered event still captures.
        assertThat(payments.webhook(real).text("outcome")).isEqualTo("APPLIED");
        assertThat(payments.read(orderId).text("status")).isEqualTo("CAPTURED");
        assertThat(payments.publishedFor(orderId)).hasSize(1);
    }

    @Test
    void aClientRetryWithTheSameKeyMakesOnePaymentAndOnePspSession() throws Exception {
        String orderId = newOrderId();
        Map<String, Object> request = body(orderId, "shopper-4", 75_000);
        String key = UUID.randomUUID().toString();

        // Eight retries at once with one key, then eight more with a key each.
        List<HttpTestClient.Response> sameKey = Together.run(8, () -> payments.create(key, request));
        List<HttpTestClient.Response> ownKeys =
                Together.run(8, () -> payments.create(UUID.randomUUID().toString(), request));

        assertThat(sameKey)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(ownKeys)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        String paymentId = sameKey.get(0).text("paymentId");
        assertThat(sameKey).extracting(answer -> answer.text("paymentId")).containsOnly(paymentId);
        assertThat(ownKeys).extracting(answer -> answer.text("paymentId")).containsOnly(paymentId);
        assertThat(sameKey)
                .extracting(answer -> answer.text("redirectUrl"))
                .containsOnly(sameKey.get(0).text("redirectUrl"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(payments.sessionsFor(paymentId)).isOne();

        // The same order for another amount is refused; the same key for another request too.
        assertProblem(
                payments.create(UUID.randomUUID().toString(), body(orderId, "shopper-4", 75_001)),
                409,
                "payment-conflict");
        assertProblem(payments.create(key, body(orderId, "shopper-4", 75_001)), 422, "idempotency-key-reused");
        assertThat(payments.read(orderId).json().path("amount").path("minor").asLong())
                .isEqualTo(75_000);
    }

    @Test
    void concurrentFirstRequestsWithOneKeyOpenOneSession() throws Exception {
        // Each of these orders is new when the retries race: the first inserts, the rest wait for its key.
        var order = new AtomicInteger();
        for (int round = 0; round < 3; round++) {
            String orderId = newOrderId() + "-" + order.incrementAndGet();
            String key = UUID.randomUUID().toString();
            List<HttpTestClient.Response> answers =
                    Together.run(6, () -> payments.create(key, body(orderId, "shopper-5", 1_000)));
            assertThat(answers).extracting(HttpTestClient.Response::status).containsOnly(201);
            String paymentId = answers.get(0).text("paymentId");
            assertThat(answers).extracting(answer -> answer.text("paymentId")).containsOnly(paymentId);
            assertThat(payments.sessionsFor(paymentId)).isOne();
        }
    }

    @Test
    void aCapturedPaymentIsRefundedOnceAndNothingElseIs() {
        JsonNode payment = payments.newPayment("shopper-6", 30_000);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();

        // Not captured yet (the order was cancelled before the shopper paid): refused, nothing changes.
        assertProblem(payments.refund(orderId), 409, "payment-not-captured");
        assertThat(payments.read(orderId).text("status")).isEqualTo("PENDING");

        // The shopper pays after all: captured, then refunded (order-service's policy for a late capture).
        payments.choose(payment, "pay");
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("CAPTURED");
        HttpTestClient.Response refunded = payments.refund(orderId);
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.text("status")).isEqualTo("REFUNDED");
        assertThat(refunded.text("refundId")).startsWith("rf_");
        HttpTestClient.Response again = payments.refund(orderId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("refundId")).isEqualTo(refunded.text("refundId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM psp_sim_refund WHERE transaction_id = ?")
                        .param(refunded.text("pspTransactionId"))
                        .query(Long.class)
                        .single())
                .isOne();

        // The late captured webhook does not bring the refunded payment back.
        String session = payments.sessionOf(paymentId);
        assertThat(payments.webhook(payments.simulatorEvent(session, "payment.captured"))
                        .text("outcome"))
                .isEqualTo("IGNORED");
        assertThat(payments.read(orderId).text("status")).isEqualTo("REFUNDED");

        List<JsonNode> published = payments.publishedFor(orderId);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(published.get(1).has("outcome")).isFalse();
        assertThat(published.get(1).path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(published.get(1).path("amount").path("minor").asLong()).isEqualTo(30_000);

        // A declined payment is never refunded.
        JsonNode declined = payments.newPayment("shopper-6", 5_000);
        payments.choose(declined, "decline");
        assertThat(payments.refresh(declined.path("orderId").asString()).text("status"))
                .isEqualTo("DECLINED");
        assertProblem(payments.refund(declined.path("orderId").asString()), 409, "payment-not-captured");
        assertProblem(payments.refund(newOrderId()), 404, "payment-not-found");
    }

    @Test
    void badInputIsAProblemAndCreatesNothing() {
        String orderId = newOrderId();
        assertProblem(payments.create(null, body(orderId, "shopper-7", 1_000)), 400, "idempotency-key-required");
        String key = UUID.randomUUID().toString();
        assertProblem(payments.create(key, body(orderId, "shopper-7", 0)), 400, "invalid-amount");
        assertProblem(payments.create(key, body(orderId, " ", 1_000)), 400, null);
        assertProblem(
                payments.create(
                        key,
                        Map.of(
                                "orderId",
                                orderId,
                                "userId",
                                "shopper-7",
                                "amount",
                                Map.of("minor", 1_000, "currency", "INR"),
                                "method",
                                "CASH")),
                400,
                null);
        assertProblem(payments.create("has spaces", body(orderId, "shopper-7", 1_000)), 400, "invalid-idempotency-key");
        assertProblem(payments.read(orderId), 404, "payment-not-found");
        assertProblem(payments.refresh(orderId), 404, "payment-not-found");

        // Without the internal token, even a good request is refused before it is read.
        assertProblem(
                payments.anonymous()
                        .post("/internal/payments", body(orderId, "shopper-7", 1_000), "Idempotency-Key", key),
                401,
                "internal-token-required");
        assertProblem(
                payments.anonymous().get("/internal/payments/orders/" + orderId, "X-Internal-Token", "a-guess"),
                401,
                "internal-token-required");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aShopperReadsTheirOwnPaymentOnly() {
        JsonNode payment = payments.newPayment("shopper-8", 12_300);
        String path = "/api/payments/orders/" + payment.path("orderId").asString();

        HttpTestClient.Response mine =
                payments.anonymous().get(path, "Authorization", PaymentClient.bearer("shopper-8"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.text("paymentId")).isEqualTo(payment.path("paymentId").asString());
        assertThat(mine.text("status")).isEqualTo("PENDING");

        // Another shopper's order reads exactly as an unknown one.
        assertProblem(
                payments.anonymous().get(path, "Authorization", PaymentClient.bearer("shopper-9")),
                404,
                "payment-not-found");
        assertProblem(
                payments.anonymous()
                        .get(
                                "/api/payments/orders/" + newOrderId(),
                                "Authorization",
                                PaymentClient.bearer("shopper-8")),
                404,
                "payment-not-found");
        assertThat(payments.anonymous().get(path).status()).isEqualTo(401);
    }

    private double mismatches() {
        var counter = meters.find(Payments.AMOUNT_MISMATCHES).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String signatureOf(long t, String body) {
        return PaymentClient.sign(t, body, PaymentClient.LOCAL_WEBHOOK_SECRET);
    }
}
