package dev.bazaar.user.profile;

import dev.bazaar.user.account.Role;
import dev.bazaar.user.address.Address;
import java.util.List;

/** What the cache holds per user: the profile and the default address, at one row version. */
record UserView(
        String id, String email, String name, String phone, List<Role> roles, long version, Address defaultAddress) {

    Profile profile() {
        return new Profile(id, email, name, phone, roles);
    }
}
