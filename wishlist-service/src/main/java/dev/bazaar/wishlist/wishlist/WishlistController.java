package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.ItemIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in shopper's wishlist; the owner is the JWT's subject, so no request can name another
 * shopper's wishlist (their entries are simply not found).
 */
@RestController
@RequestMapping("/api/wishlist")
class WishlistController {

    record AddRequest(
            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId) {}

    record Entry(String itemId, Money addedPrice, Instant addedAt) {}

    private final Wishlists wishlists;

    WishlistController(Wishlists wishlists) {
        this.wishlists = wishlists;
    }

    @GetMapping
    PricedPage get(
            @AuthenticationPrincipal Jwt user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return wishlists.read(user.getSubject(), page, size);
    }

    /** 201 when the entry is new, 200 when it was already there (unchanged: the first added price stays). */
    @PostMapping("/items")
    ResponseEntity<Entry> add(@AuthenticationPrincipal Jwt user, @Valid @RequestBody AddRequest request) {
        Wishlists.Added added = wishlists.add(user.getSubject(), request.itemId());
        WishlistEntry entry = added.entry();
        return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Entry(entry.itemId(), entry.addedPrice(), entry.addedAt()));
    }

    /** 204 whether or not the item was there. */
    @DeleteMapping("/items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt user, @PathVariable String itemId) {
        wishlists.remove(user.getSubject(), itemId);
    }

    /** 204 once cart-service took one unit and the entry is gone; cart-service's refusal is passed on. */
    @PostMapping("/items/{itemId}/move-to-cart")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void moveToCart(@AuthenticationPrincipal Jwt user, @PathVariable String itemId) {
        wishlists.moveToCart(user.getSubject(), user.getTokenValue(), itemId);
    }
}
