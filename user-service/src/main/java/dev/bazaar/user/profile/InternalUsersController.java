package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.UsersProperties;
import dev.bazaar.user.address.Address;
import dev.bazaar.user.address.AddressBook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads, e.g. search resolving a shopper's pincode, order-service the address an
 * order ships to. Not under {@code /api}, so the gateway (which routes {@code /api/**} only) never
 * exposes them, and each needs the shared service credential {@code X-Internal-Token}
 * (bazaar.users.internal-token), compared in constant time.
 */
@RestController
class InternalUsersController {

    private static final String TOKEN_HEADER = "X-Internal-Token";

    private final UserViews views;
    private final AddressBook addresses;
    private final byte[] internalToken;

    InternalUsersController(UserViews views, AddressBook addresses, UsersProperties properties) {
        this.views = views;
        this.addresses = addresses;
        this.internalToken = properties.internalToken() == null
                ? new byte[0]
                : properties.internalToken().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/internal/users/{userId}/default-address")
    Address defaultAddress(
            @PathVariable String userId, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        requireInternalToken(token);
        UserView view = views.find(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
        if (view.defaultAddress() == null) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "no-default-address",
                    "No default address",
                    "User '" + userId + "' has no address yet.");
        }
        return view.defaultAddress();
    }

    /**
     * One address of the user's, read from MariaDB (not the cache, which holds the default only):
     * the address an order ships to. Scoped by the user id, so another user's address id is "not
     * found" like one that never existed; an unknown user is the same 404.
     */
    @GetMapping("/internal/users/{userId}/addresses/{addressId}")
    Address address(
            @PathVariable String userId,
            @PathVariable String addressId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        requireInternalToken(token);
        return addresses
                .byId(userId, addressId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "address-not-found",
                        "Address not found",
                        "User '" + userId + "' has no address '" + addressId + "'."));
    }

    private void requireInternalToken(String token) {
        if (internalToken.length == 0
                || token == null
                || !MessageDigest.isEqual(internalToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "internal-token-required",
                    "Unauthorized",
                    "This endpoint is for Bazaar services and needs a valid X-Internal-Token header.");
        }
    }
}
