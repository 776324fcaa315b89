package dev.bazaar.payment.payment;

import dev.bazaar.contracts.Money;
import java.time.Instant;

/**
 * A payment as order-service and the shopper read it.
 *
 * @param redirectUrl the PSP's hosted page the shopper's browser is sent to (null until the PSP answered)
 * @param pspTransactionId the PSP's transaction id once captured
 */
record Payment(
        String paymentId,
        String orderId,
        String userId,
        Status status,
        Money amount,
        Method method,
        String redirectUrl,
        String pspTransactionId,
        String refundId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    enum Status {
        PENDING,
        CAPTURED,
        DECLINED,
        FAILED,
        REFUNDED
    }

    enum Method {
        CARD,
        UPI,
        NETBANKING
    }
}
