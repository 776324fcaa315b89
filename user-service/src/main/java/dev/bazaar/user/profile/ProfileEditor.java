package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.account.Role;
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

    private long lockedVersion(String userId) {
        return users.bumpVersion(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
    }

    private Profile read(String userId) {
        return users.findById(userId)
                .map(u -> new Profile(u.id(), u.email(), u.name(), u.phone(), u.roles()))
                .orElseThrow();
    }
}
