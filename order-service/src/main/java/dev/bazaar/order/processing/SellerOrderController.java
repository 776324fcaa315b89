package dev.bazaar.order.processing;

import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;
import static dev.bazaar.contracts.orders.OrderStatus.SHIPPED;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A seller's fulfilment: their orders ({@link SellerOrders}) and the moves of one that holds only their items.
 * Role SELLER, and the token's {@code supplier_id} claim (user-service adds it once OPS linked the account to a
 * supplier) says whose items those are; a seller account without it is 403 {@code supplier-link-required}.
 */
@RestController
@RequestMapping("/api/seller/orders")
@PreAuthorize("hasRole('SELLER')")
@Validated
class SellerOrderController {

    /** The claim user-service puts in a linked seller's access token. */
    static final String SUPPLIER_CLAIM = "supplier_id";

    record SellerOrderPage(List<SellerOrderView> orders, int page, int size, long totalElements) {}

    private final SellerOrders sellerOrders;
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final Cancellation cancellation;

    SellerOrderController(SellerOrders sellerOrders, Orders orders, Fulfilment fulfilment, Cancellation cancellation) {
        this.sellerOrders = sellerOrders;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.cancellation = cancellation;
    }

    /** Newest first; {@code status} narrows it to one status. */
    @GetMapping
    SellerOrderPage list(
            @AuthenticationPrincipal Jwt seller,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String supplierId = supplierOf(seller);
        SellerOrders.Page found = sellerOrders.of(supplierId, status, page, size);
        return new SellerOrderPage(
                found.orders().stream()
                        .map(order -> SellerOrderView.of(supplierId, order, null))
                        .toList(),
                page,
                size,
                found.total());
    }

    @GetMapping("/{orderId}")
    SellerOrderView one(@AuthenticationPrincipal Jwt seller, @PathVariable String orderId) {
        String supplierId = supplierOf(seller);
        return sellerOrders
                .find(supplierId, orderId)
                .map(order -> SellerOrderView.of(supplierId, order, orders.history(orderId)))
                .orElseThrow(() -> Moves.notFound(orderId));
    }

    @PostMapping("/{orderId}/pack")
    SellerOrderView pack(@AuthenticationPrincipal Jwt seller, @PathVariable String orderId) {
        return move(seller, orderId, PACKED);
    }

    @PostMapping("/{orderId}/ship")
    SellerOrderView ship(@AuthenticationPrincipal Jwt seller, @PathVariable String orderId) {
        return move(seller, orderId, SHIPPED);
    }

    @PostMapping("/{orderId}/deliver")
    SellerOrderView deliver(@AuthenticationPrincipal Jwt seller, @PathVariable String orderId) {
        return move(seller, orderId, DELIVERED);
    }

    /** PLACED or PACKED -> CANCELLED ({@code cancelled-by-seller}); the stock goes back and the shopper is refunded. */
    @PostMapping("/{orderId}/cancel")
    SellerOrderView cancel(
            @AuthenticationPrincipal Jwt seller,
            @PathVariable String orderId,
            @Valid @RequestBody ReasonRequest request) {
        String supplierId = supplierOf(seller);
        sellerOrders.changeable(supplierId, orderId);
        return SellerOrderView.of(
                supplierId, cancellation.cancel(Actor.SELLER, orderId, request.reason()), orders.history(orderId));
    }

    private SellerOrderView move(Jwt seller, String orderId, OrderStatus to) {
        String supplierId = supplierOf(seller);
        sellerOrders.changeable(supplierId, orderId);
        return SellerOrderView.of(supplierId, fulfilment.move(Actor.SELLER, orderId, to), orders.history(orderId));
    }

    private static String supplierOf(Jwt seller) {
        String supplierId = seller.getClaimAsString(SUPPLIER_CLAIM);
        if (supplierId == null || supplierId.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "supplier-link-required",
                    "Forbidden",
                    "Your seller account is not linked to a supplier yet; OPS links it");
        }
        return supplierId;
    }
}
