package dev.bazaar.order.peers;

import dev.bazaar.contracts.Money;
import java.util.Map;
import java.util.Optional;

/**
 * payment-service's internal API ({@code /internal/payments}, {@code X-Internal-Token}). One payment per
 * order, ever: the create is keyed by the order id, so asking again answers the same payment.
 */
public class Payments {

    /** A payment as payment-service reports it. */
    public record Payment(String paymentId, String status, String redirectUrl) {

        public boolean captured() {
            return "CAPTURED".equals(status);
        }
    }

    private static final String TOKEN = "X-Internal-Token";

    private final PeerHttp http;
    private final String token;

    public Payments(PeerHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** The order's payment, created at the first call (Idempotency-Key {@code order-<orderId>}). */
    public Payment create(String orderId, String userId, Money amount, String method) {
        PeerHttp.Answer answer = http.post(
                "/internal/payments",
                Map.of("orderId", orderId, "userId", userId, "amount", amount, "method", method),
                TOKEN,
                token,
                "Idempotency-Key",
                "order-" + orderId);
        if (answer.is(201) || answer.is(200)) {
            return payment(answer);
        }
        throw http.unavailable("create answered " + answer.status() + ": " + answer.body());
    }

    /**
     * The order's payment after payment-service asked the PSP for its final state (applied there before
     * it answers); empty when the order has no payment.
     */
    public Optional<Payment> refreshed(String orderId) {
        PeerHttp.Answer answer = http.get("/internal/payments/orders/" + orderId + "?refresh=true", TOKEN, token);
        if (answer.is(404)) {
            return Optional.empty();
        }
        if (answer.is(200)) {
            return Optional.of(payment(answer));
        }
        throw http.unavailable("status answered " + answer.status() + ": " + answer.body());
    }

    /** Refunds the order's captured payment (idempotent); false when it was not captured. */
    public boolean refund(String orderId) {
        PeerHttp.Answer answer = http.post("/internal/payments/orders/" + orderId + "/refund", Map.of(), TOKEN, token);
        if (answer.is(200)) {
            return true;
        }
        if (answer.is(409) || answer.is(404)) {
            return false;
        }
        throw http.unavailable("refund answered " + answer.status() + ": " + answer.body());
    }

    private static Payment payment(PeerHttp.Answer answer) {
        return new Payment(
                answer.body().path("paymentId").asString(),
                answer.body().path("status").asString(),
                answer.body().path("redirectUrl").asString(null));
    }
}
