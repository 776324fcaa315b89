package dev.bazaar.payment.payment;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.payments.PaymentCompleted;
import dev.bazaar.contracts.payments.PaymentRefunded;
import dev.bazaar.payment.PaymentProperties;
import dev.bazaar.payment.psp.PaymentServiceProvider;
import dev.bazaar.payment.psp.PspEvent;
import dev.bazaar.payment.psp.PspStatus;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import dev.bazaar.starter.problem.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments per order. One payment per order, ever (a unique key): a retry with the same Idempotency-Key is
 * answered from the starter's {@link IdempotentRequests}, any other request for the same order and amount
 * gets the existing payment, another amount is 409. The PSP session is opened after the payment row is
 * committed, with the payment id as the PSP's idempotency key, so concurrent retries share one session.
 *
 * <p>Each state change is a compare-and-set on the status (PENDING -> CAPTURED | DECLINED | FAILED, CAPTURED ->
 * REFUNDED) with its outbox event in the same transaction: whichever of a webhook, its duplicate, a stale
 * out-of-order event or a status poll comes second finds the status moved and changes nothing, so a payment
 * has exactly one terminal state and one PaymentCompleted. A capture whose amount or currency differs from the
 * payment's is never applied: it is logged at ERROR and counted ({@value #AMOUNT_MISMATCHES}) as an alert.
 */
@Service
class Payments {

    static final String AMOUNT_MISMATCHES = "bazaar.payments.amount.mismatches";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    record CreateRequest(String orderId, String userId, Money amount, Payment.Method method) {}

    /** What the idempotency record stores: the payment and whether that first request made it. */
    record Created(String paymentId, boolean created) {}

    /** A payment and whether this request made it (201) or found it (200). */
    record Answer(Payment payment, boolean created) {}

    /** What a webhook event did. */
    enum Applied {
        /** The payment moved to the state the event reports. */
        APPLIED,
        /** The event was delivered before: nothing changed. */
        DUPLICATE,
        /** A pending event, or one for a payment that already reached a final state: nothing changed. */
        IGNORED
    }

    private final PaymentStore store;
    private final PaymentServiceProvider psp;
    private final IdempotentRequests requests;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final URI returnUrl;
    private final Counter amountMismatches;

    Payments(
            PaymentStore store,
            PaymentServiceProvider psp,
            IdempotentRequests requests,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            PaymentProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.psp = psp;
        this.requests = requests;
        this.transaction = transaction;
        this.events = events;
        this.returnUrl = properties.returnUrl();
        this.amountMismatches = Counter.builder(AMOUNT_MISMATCHES)
                .description("PSP captures refused because their amount or currency differs from the payment's")
                .register(meters);
    }

    Answer create(CreateRequest request, String idempotencyKey) {
        // Scoped by order: two orders' keys never meet.
        Created created = requests.once(
                "payment-create:" + request.orderId(),
                idempotencyKey,
                request,
                Created.class,
                () -> createOrFind(request));
        return new Answer(withSession(created.paymentId()), created.created());
    }

    private Created createOrFind(CreateRequest request) {
        Optional<PaymentStore.Row> existing = store.byOrder(request.orderId());
        if (existing.isEmpty()) {
            String paymentId = UUID.randomUUID().toString();
            try {
                store.insert(paymentId, request.orderId(), request.userId(), request.amount(), request.method());
                return new Created(paymentId, true);
            } catch (DuplicateKeyException createdMeanwhile) {
                // A concurrent request for this order committed first (the insert waited on its key).
                existing = store.byOrder(request.orderId());
            }
        }
        Payment payment = existing.orElseThrow().payment();
        if (!payment.amount().equals(request.amount())
                || !payment.userId().equals(request.userId())
                || payment.method() != request.method()) {
            throw ApiProblem.conflict(
                            "payment-conflict",
                            "Order '" + request.orderId() + "' already has a payment for another amount, user or "
                                    + "method; an order is paid once")
                    .with("paymentId", payment.paymentId())
                    .with("amount", payment.amount());
        }
        return new Created(payment.paymentId(), false);
    }

    /** Opens the PSP's hosted session if the payment has none yet (a failed earlier try, or a new payment). */
    private Payment withSession(String paymentId) {
        PaymentStore.Row row = store.byId(paymentId).orElseThrow();
        if (row.pspReference() == null && row.payment().status() == Payment.Status.PENDING) {
            String orderId = URLEncoder.encode(row.payment().orderId(), StandardCharsets.UTF_8);
            String separator = returnUrl.getQuery() == null ? "?" : "&";
            PaymentServiceProvider.HostedSession session = psp.createSession(
                    paymentId, row.payment().amount(), URI.create(returnUrl + separator + "orderId=" + orderId));
            store.attachSession(
                    paymentId, session.sessionId(), session.redirectUrl().toString());
            row = store.byId(paymentId).orElseThrow();
        }
        return row.payment();
    }

    Payment find(String orderId) {
        return row(orderId).payment();
    }

    /**
     * The payment after asking the PSP's status API, when it is still PENDING: a final state the PSP reports
     * (the webhook may be late or lost) is applied, and published, before answering.
     */
    Payment refresh(String orderId) {
        PaymentStore.Row row = row(orderId);
        if (row.payment().status() == Payment.Status.PENDING && row.pspReference() != null) {
            PspStatus status = psp.status(row.pspReference());
            if (status.isFinal()) {
                try {
                    transaction.executeWithoutResult(tx -> apply(row.payment(), status, "the status API"));
                } catch (ApiProblem mismatch) {
                    // Alerted already; the payment stays as it was, and the caller sees it unpaid.
                }
            }
        }
        return find(orderId);
    }

    /** A verified webhook event, applied once (deduplicated by the PSP's event id, in the same transaction). */
    Applied onPspEvent(PspEvent event) {
        return transaction.execute(tx -> {
            Payment payment = store.byId(event.paymentId())
                    .filter(row ->
                            row.pspReference() == null || row.pspReference().equals(event.sessionId()))
                    .orElseThrow(() -> new ApiProblem(
                            HttpStatus.NOT_FOUND,
                            "payment-not-found",
                            "Payment not found",
                            "No payment '" + event.paymentId() + "' with PSP session '" + event.sessionId() + "'"))
                    .payment();
            if (!store.firstDelivery(event.eventId(), event.type(), payment.paymentId())) {
                return Applied.DUPLICATE;
            }
            if (!event.status().isFinal()) {
                return Applied.IGNORED;
            }
            return apply(payment, event.status(), "webhook " + event.eventId()) ? Applied.APPLIED : Applied.IGNORED;
        });
    }

    /** Moves a PENDING payment to the PSP's final state, with its event; false if it was no longer PENDING. */
    private boolean apply(Payment payment, PspStatus status, String source) {
        Payment.Status target = switch (status.state()) {
            case CAPTURED -> Payment.Status.CAPTURED;
            case DECLINED -> Payment.Status.DECLINED;
            case FAILED -> Payment.Status.FAILED;
            case PENDING -> throw new IllegalArgumentException("not a final state");
        };
        if (target == Payment.Status.CAPTURED && !payment.amount().equals(status.amount())) {
            amountMismatches.increment();
            log.error(
                    "ALERT amount mismatch: {} reports a capture of {} {} for payment {} (order {}) of {} {}; not captured",
                    source,
                    status.amount().minor(),
                    status.amount().currency(),
                    payment.paymentId(),
                    payment.orderId(),
                    payment.amount().minor(),
                    payment.amount().currency());
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "amount-mismatch",
                            "Amount mismatch",
                            "The captured amount or currency differs from the payment's; it was not applied")
                    .with("expected", payment.amount())
                    .with("reported", status.amount());
        }
        String transactionId = target == Payment.Status.CAPTURED ? status.transactionId() : null;
        if (!store.settle(payment.paymentId(), target, transactionId, status.reason())) {
            Payment now = store.byId(payment.paymentId()).orElseThrow().payment();
            if (now.status() != target) {
                log.warn(
                        "{} reports {} for payment {} (order {}), which is already {}; unchanged",
                        source,
                        target,
                        payment.paymentId(),
                        payment.orderId(),
                        now.status());
            }
            return false;
        }
        PaymentCompleted.Outcome outcome = switch (target) {
            case CAPTURED -> PaymentCompleted.Outcome.SUCCEEDED;
            case DECLINED -> PaymentCompleted.Outcome.DECLINED;
            default -> PaymentCompleted.Outcome.FAILED;
        };
        events.publishEvent(new PaymentCompleted(
                UUID.randomUUID(),
                Instant.now(),
                payment.paymentId(),
                payment.orderId(),
                outcome,
                payment.amount(),
                status.reason()));
        return true;
    }

    /**
     * A full refund of a CAPTURED payment (order-service: a capture after the order was cancelled). The PSP's
     * refund is idempotent per transaction; the status moves once and PaymentRefunded is published once.
     * Asked again: the refunded payment. Any other status: 409 {@code payment-not-captured}.
     */
    Payment refund(String orderId) {
        Payment payment = find(orderId);
        if (payment.status() == Payment.Status.REFUNDED) {
            return payment;
        }
        if (payment.status() != Payment.Status.CAPTURED) {
            throw notCaptured(payment);
        }
        String refundId = psp.refund(payment.pspTransactionId(), payment.amount());
        transaction.executeWithoutResult(tx -> {
            if (store.refunded(payment.paymentId(), refundId)) {
                events.publishEvent(new PaymentRefunded(
                        UUID.randomUUID(), Instant.now(), payment.paymentId(), payment.orderId(), payment.amount()));
            }
        });
        Payment refunded = find(orderId);
        if (refunded.status() != Payment.Status.REFUNDED) {
            throw notCaptured(refunded);
        }
        return refunded;
    }

    private PaymentStore.Row row(String orderId) {
        return store.byOrder(orderId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "payment-not-found",
                        "Payment not found",
                        "No payment for order '" + orderId + "'"));
    }

    private static ApiProblem notCaptured(Payment payment) {
        return ApiProblem.conflict(
                        "payment-not-captured",
                        "Payment for order '" + payment.orderId() + "' is " + payment.status()
                                + "; only a captured payment is refunded")
                .with("status", payment.status().name());
    }
}
