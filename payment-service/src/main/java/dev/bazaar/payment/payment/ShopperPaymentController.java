package dev.bazaar.payment.payment;

import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's own payment: another user's order is answered exactly as an unknown one (404). */
@RestController
class ShopperPaymentController {

    private final Payments payments;

    ShopperPaymentController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/api/payments/orders/{orderId}")
    Payment mine(@AuthenticationPrincipal Jwt user, @PathVariable String orderId) {
        Payment payment;
        try {
            payment = payments.find(orderId);
        } catch (ApiProblem notFound) {
            throw notFound(orderId);
        }
        if (!payment.userId().equals(user.getSubject())) {
            throw notFound(orderId);
        }
        return payment;
    }

    private static ApiProblem notFound(String orderId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "payment-not-found",
                "Payment not found",
                "No payment for order '" + orderId + "'");
    }
}
