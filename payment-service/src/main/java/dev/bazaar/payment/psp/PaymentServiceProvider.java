package dev.bazaar.payment.psp;

import dev.bazaar.contracts.Money;
import java.net.URI;

/**
 * What payment-service needs from a payment service provider (a payment gateway we do not own). The
 * simulator's adapter ({@link HttpPaymentServiceProvider}) implements it over HTTP as a real PSP's adapter
 * would; each call may fail with a 503 {@code psp-unavailable} problem (no answer in time, or an error).
 */
public interface PaymentServiceProvider {

    /**
     * A hosted payment session for {@code paymentId} (the merchant reference, also the PSP's idempotency key:
     * asked again, the PSP answers the same session, so a retry never opens a second one).
     */
    HostedSession createSession(String paymentId, Money amount, URI returnUrl);

    /** What the PSP says about a session now (its status API). */
    PspStatus status(String sessionId);

    /** Refunds a captured transaction in full; idempotent per transaction. Answers the PSP's refund id. */
    String refund(String transactionId, Money amount);

    /** @param sessionId the PSP's reference for the session; @param redirectUrl its hosted page */
    record HostedSession(String sessionId, URI redirectUrl) {}
}
