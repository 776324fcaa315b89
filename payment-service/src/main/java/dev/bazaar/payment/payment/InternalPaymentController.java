package dev.bazaar.payment.payment;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments for order-service. Not under {@code /api}, so the gateway never routes them; every call needs the
 * starter's {@code InternalTokenGuard} ({@code X-Internal-Token}).
 */
@RestController
@RequestMapping("/internal/payments")
class InternalPaymentController {

    record CreatePaymentRequest(
            @NotBlank @Size(max = 64) String orderId,
            @NotBlank @Size(max = 64) String userId,
            @NotNull Money amount,
            @NotNull Payment.Method method) {}

    private final Payments payments;

    InternalPaymentController(Payments payments) {
        this.payments = payments;
    }

    /** 201 with the new payment and its hosted page; 200 with the order's existing payment. */
    @PostMapping
    ResponseEntity<Payment> create(
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {
        if (idempotencyKey == null) {
            throw ApiProblem.badRequest(
                    "idempotency-key-required",
                    "Send an " + IdempotentRequests.HEADER + " header: a retry with the same key never pays twice");
        }
        if (request.amount().minor() <= 0) {
            throw ApiProblem.badRequest("invalid-amount", "amount.minor must be positive");
        }
        Payments.Answer answer = payments.create(
                new Payments.CreateRequest(request.orderId(), request.userId(), request.amount(), request.method()),
                idempotencyKey);
        return ResponseEntity.status(answer.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer.payment());
    }

    /** The order's payment; with {@code refresh=true} the PSP's status API is asked first. */
    @GetMapping("/orders/{orderId}")
    Payment byOrder(@PathVariable String orderId, @RequestParam(defaultValue = "false") boolean refresh) {
        return refresh ? payments.refresh(orderId) : payments.find(orderId);
    }

    /** A full refund of the order's captured payment; idempotent. */
    @PostMapping("/orders/{orderId}/refund")
    Payment refund(@PathVariable String orderId) {
        return payments.refund(orderId);
    }
}
