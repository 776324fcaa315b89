package dev.bazaar.payment.payment;

import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/payments/captured}: the captured (or since refunded) payments in order id order, for
 * order-service's reconciliation ({@code X-Internal-Token}, as every {@code /internal/**} call). {@code next}
 * is the last order id of a full page, sent back as {@code after}; null when the listing is done.
 */
@RestController
class CapturedPaymentsController {

    static final int MAX_PAGE_SIZE = 1000;

    record Page(List<CapturedPayments.Captured> payments, String next) {}

    private final CapturedPayments captured;

    CapturedPaymentsController(CapturedPayments captured) {
        this.captured = captured;
    }

    @GetMapping("/internal/payments/captured")
    Page captured(
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "500") int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("invalid-paging", "size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        List<CapturedPayments.Captured> payments = captured.page(after, until, size);
        String next =
                payments.size() == size ? payments.get(payments.size() - 1).orderId() : null;
        return new Page(payments, next);
    }
}
