package dev.bazaar.order.taking;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.order.lifecycle.OrderView;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/orders}: the signed-in shopper (the JWT's subject) orders; see {@link OrderTaking}. */
@RestController
class OrderTakingController {

    record OrderRequest(
            @Size(max = 64) String addressId,
            @Size(max = 100) List<@Valid @NotNull LineRequest> lines,

            @NotNull @Pattern(regexp = "CARD|UPI|NETBANKING", message = "must be CARD, UPI or NETBANKING")
            String paymentMethod) {}

    record LineRequest(
            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId,

            @NotNull Integer quantity) {}

    private final OrderTaking taking;

    OrderTakingController(OrderTaking taking) {
        this.taking = taking;
    }

    /** 201 with the order PAYMENT_PENDING and where to pay; a retry with the same key answers the same. */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> order(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody OrderRequest request) {
        if (idempotencyKey == null) {
            throw OrderTaking.keyRequired();
        }
        List<Pricing.Wanted> lines = request.lines() == null
                ? null
                : request.lines().stream()
                        .map(line -> new Pricing.Wanted(line.itemId(), line.quantity()))
                        .toList();
        OrderView order = taking.take(
                user.getSubject(),
                authorization,
                idempotencyKey,
                new OrderTaking.Request(request.addressId(), lines, request.paymentMethod()));
        return ResponseEntity.status(HttpStatus.CREATED).body(order);
    }
}
