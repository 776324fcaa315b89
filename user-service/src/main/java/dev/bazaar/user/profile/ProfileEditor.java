package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.account.Role;
import dev.bazaar.user.account.UserAccount;
import dev.bazaar.user.account.UserAccounts;
import dev.bazaar.user.cache.UserChanges;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profile and role changes: write MariaDB, bump the version, evict after commit. */
@Service
public class ProfileEditor {

    private final UserAccounts users;
    private final UserChanges changes;

    ProfileEditor(UserAccounts users, UserChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    @Transactional
    public Profile update(String userId, String name, String phone) {
        long version = lockedVersion(userId);
        users.updateProfile(userId, name, phone);
        changes.changed(userId, version);
        return read(userId);
    }

    @Transactional
    public Profile changeRoles(String userId, Set<Role> roles) {
        long version = lockedVersion(userId);
        users.updateRoles(userId, roles);
        changes.changed(userId, version);
        return read(userId);
    }

    /**
     * Links a SELLER to the supplier whose items they sell; the link reaches the access token (claim
     * {@code supplier_id}) at the next refresh. 409 {@code not-a-seller} for a user without the SELLER role.
     */
    @Transactional
    public SellerLink linkSupplier(String userId, String supplierId) {
        long version = lockedVersion(userId);
        UserAccount user = users.findById(userId).orElseThrow();
        if (!user.roles().contains(Role.SELLER)) {
            throw ApiProblem.conflict("not-a-seller", "Only a SELLER can be linked to a supplier; grant the role first")
                    .with("userId", userId)
                    .with("roles", user.roles());
        }
        users.updateSupplier(userId, supplierId);
        changes.changed(userId, version);
        return new SellerLink(userId, supplierId);
    }

    /** A seller and the supplier they sell for. */
    public record SellerLink(String userId, String supplierId) {}

    private long lockedVersion(String userId) {
        return users.bumpVersion(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
    }

    private Profile read(String userId) {
        return users.findById(userId)
                .map(u -> new Profile(u.id(), u.email(), u.name(), u.phone(), u.roles()))
                .orElseThrow();
    }
}
