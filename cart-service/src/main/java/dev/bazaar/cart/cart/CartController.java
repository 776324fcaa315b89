package dev.bazaar.cart.cart;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shopper's cart: the signed-in shopper's (the owner is the JWT's subject) or, with no JWT, the guest
 * cart of the {@value GuestCarts#HEADER} header. No request can name another shopper's cart (their
 * lines are simply not found). The first add with neither starts a guest cart and answers its token in
 * the {@value GuestCarts#HEADER} response header. A JWT wins over a cart token sent with it. Limits are
 * checked by {@link Carts}, which names them in its 400 problems.
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

    record MergeRequest(@NotNull String cartToken) {}

    private final Carts carts;
    private final GuestCarts guests;

    CartController(Carts carts, GuestCarts guests) {
        this.carts = carts;
        this.guests = guests;
    }

    /**
     * The cart priced now; each line's delivery is for {@code pincode}, or else the signed-in shopper's
     * default address (a guest without one gets UNKNOWN deliveries).
     */
    @GetMapping
    PricedCart get(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = GuestCarts.HEADER, required = false) String token,
            @RequestParam(required = false) String pincode) {
        return carts.read(owner(user, token), pincode);
    }

    /**
     * Adds to the item's line; {@code capped} says the per-line limit stopped the add short. With an
     * {@value IdempotentRequests#HEADER} a retried add is answered as the first and adds nothing.
     */
    @PostMapping("/items")
    ResponseEntity<Carts.Added> add(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = GuestCarts.HEADER, required = false) String token,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody AddRequest request) {
        if (user == null && token == null) {
            Carts.GuestAdded guest = carts.addToNewGuestCart(request.itemId(), request.quantity());
            return ResponseEntity.ok()
                    .header(GuestCarts.HEADER, guest.cartToken())
                    .body(guest.added());
        }
        return ResponseEntity.ok(carts.add(owner(user, token), request.itemId(), request.quantity(), idempotencyKey));
    }

    /**
     * At login: moves the guest cart of {@code cartToken} into the signed-in cart (see {@link
     * Carts#merge}). Needs a JWT; an unknown, expired or already merged token merges nothing.
     */
    @PostMapping("/merge")
    Carts.Merged merge(@AuthenticationPrincipal Jwt user, @Valid @RequestBody MergeRequest request) {
        if (user == null) {
            throw signInRequired();
        }
        return carts.merge(user.getSubject(), request.cartToken());
    }

    @PatchMapping("/items/{itemId}")
    LineQuantity setQuantity(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = GuestCarts.HEADER, required = false) String token,
            @PathVariable String itemId,
            @Valid @RequestBody QuantityRequest request) {
        carts.setQuantity(owner(user, token), itemId, request.quantity());
        return new LineQuantity(itemId, request.quantity());
    }

    @DeleteMapping("/items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = GuestCarts.HEADER, required = false) String token,
            @PathVariable String itemId) {
        carts.remove(owner(user, token), itemId);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(
            @AuthenticationPrincipal Jwt user,
            @RequestHeader(name = GuestCarts.HEADER, required = false) String token) {
        carts.clear(owner(user, token));
    }

    /** The JWT's subject, else the guest of the cart token (401 if it is bad), else 401. */
    private CartOwner owner(Jwt user, String token) {
        if (user != null) {
            return CartOwner.user(user.getSubject());
        }
        if (token != null) {
            return guests.resolve(token);
        }
        throw signInRequired();
    }

    private static ApiProblem signInRequired() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "Needs a bearer token, or a " + GuestCarts.HEADER + " for a guest cart");
    }
}
