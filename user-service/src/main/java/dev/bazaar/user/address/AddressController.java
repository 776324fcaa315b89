package dev.bazaar.user.address;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own addresses; the owner is always the token's subject. */
@RestController
@RequestMapping("/api/users/me/addresses")
class AddressController {

    private final AddressBook book;

    AddressController(AddressBook book) {
        this.book = book;
    }

    @GetMapping
    List<Address> list(@AuthenticationPrincipal Jwt token) {
        return book.list(token.getSubject());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Address add(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AddressRequest request) {
        return book.add(token.getSubject(), request);
    }

    @PutMapping("/{addressId}")
    Address replace(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String addressId,
            @Valid @RequestBody AddressRequest request) {
        return book.replace(token.getSubject(), addressId, request);
    }

    @PostMapping("/{addressId}/default")
    Address makeDefault(@AuthenticationPrincipal Jwt token, @PathVariable String addressId) {
        return book.makeDefault(token.getSubject(), addressId);
    }

    @DeleteMapping("/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable String addressId) {
        book.delete(token.getSubject(), addressId);
    }
}
