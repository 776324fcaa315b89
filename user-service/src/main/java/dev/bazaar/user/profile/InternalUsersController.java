package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.account.UserAccount;
import dev.bazaar.user.account.UserAccounts;
import dev.bazaar.user.address.Address;
import dev.bazaar.user.address.AddressBook;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads, e.g. search resolving a shopper's pincode, order-service the address an
 * order ships to, notification-service whom to tell (a shopper, a supplier's sellers). Not under {@code /api}, so the gateway (which routes {@code /api/**} only) never
 * exposes them, and each needs the shared service credential {@code X-Internal-Token}
 * (bazaar.users.internal-token), which the starter's {@code InternalTokenGuard} checks before any of them
 * runs ({@code InternalTokenConfiguration}).
 */
@RestController
class InternalUsersController {

    /** Whom to tell: notification-service's recipient (phone null when the user gave none). */
    record Contact(String userId, String email, String name, String phone) {
        static Contact of(UserAccount user) {
            return new Contact(user.id(), user.email(), user.name(), user.phone());
        }
    }

    record SupplierContacts(String supplierId, List<Contact> contacts) {}

    /** A supplier has a handful of sellers; more than this many are not all told. */
    static final int MAX_SELLERS_TOLD = 50;

    private final UserViews views;
    private final AddressBook addresses;
    private final UserAccounts users;

    InternalUsersController(UserViews views, AddressBook addresses, UserAccounts users) {
        this.views = views;
        this.addresses = addresses;
        this.users = users;
    }

    /** The user's email, name and phone, read from MariaDB; 404 {@code user-not-found}. */
    @GetMapping("/internal/users/{userId}/contact")
    Contact contact(@PathVariable String userId) {
        return users.findById(userId)
                .map(Contact::of)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "user-not-found",
                        "User not found",
                        "There is no user '" + userId + "'."));
    }

    /** The SELLER accounts OPS linked to the supplier; an empty list when there are none (or no such supplier). */
    @GetMapping("/internal/suppliers/{supplierId}/contacts")
    SupplierContacts supplierContacts(@PathVariable String supplierId) {
        return new SupplierContacts(
                supplierId,
                users.sellersOf(supplierId, MAX_SELLERS_TOLD).stream()
                        .map(Contact::of)
                        .toList());
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
