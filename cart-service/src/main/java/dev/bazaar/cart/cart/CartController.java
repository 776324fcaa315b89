package dev.bazaar.cart.cart;

import dev.bazaar.contracts.catalog.ItemIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in shopper's cart; the owner is the JWT's subject, so no request can name another
 * shopper's cart (their lines are simply not found). Limits are checked by {@link Carts}, which
 * names them in its 400 problems.
 */
@RestController
@RequestMapping("/api/cart")
class CartController {

    record AddRequest(
            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId,

            @NotNull Integer quantity) {}

    record QuantityRequest(@NotNull Integer quantity) {}

    record LineQuantity(String itemId, int quantity) {}

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    PricedCart get(@AuthenticationPrincipal Jwt user) {
        return carts.read(user.getSubject());
    }

    /** Adds to the item's line; {@code capped} says the per-line limit stopped the add short. */
    @PostMapping("/items")
    Carts.Added add(@AuthenticationPrincipal Jwt user, @Valid @RequestBody AddRequest request) {
        return carts.add(user.getSubject(), request.itemId(), request.quantity());
    }

    @PatchMapping("/items/{itemId}")
    LineQuantity setQuantity(
            @AuthenticationPrincipal Jwt user,
            @PathVariable String itemId,
            @Valid @RequestBody QuantityRequest request) {
        carts.setQuantity(user.getSubject(), itemId, request.quantity());
        return new LineQuantity(itemId, request.quantity());
    }

    @DeleteMapping("/items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt user, @PathVariable String itemId) {
        carts.remove(user.getSubject(), itemId);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@AuthenticationPrincipal Jwt user) {
        carts.clear(user.getSubject());
    }
}
