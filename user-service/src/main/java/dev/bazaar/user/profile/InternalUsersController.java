package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.address.Address;
import dev.bazaar.user.address.AddressBook;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads, e.g. search resolving a shopper's pincode, order-service the address an
 * order ships to. Not under {@code /api}, so the gateway (which routes {@code /api/**} only) never
 * exposes them, and each needs the shared service credential {@code X-Internal-Token}
 * (bazaar.users.internal-token), which the starter's {@code InternalTokenGuard} checks before any of them
 * runs ({@code InternalTokenConfiguration}).
 */
@RestController
class InternalUsersController {

    private final UserViews views;
    private final AddressBook addresses;

    InternalUsersController(UserViews views, AddressBook addresses) {
        this.views = views;
        this.addresses = addresses;
    }

    @GetMapping("/internal/users/{userId}/default-address")
    Address defaultAddress(@PathVariable String userId) {
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
    Address address(@PathVariable String userId, @PathVariable String addressId) {
        return addresses
                .byId(userId, addressId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "address-not-found",
                        "Address not found",
                        "User '" + userId + "' has no address '" + addressId + "'."));
    }
}
