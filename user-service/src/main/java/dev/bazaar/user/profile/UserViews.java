package dev.bazaar.user.profile;

import dev.bazaar.user.account.UserAccounts;
import dev.bazaar.user.address.AddressBook;
import dev.bazaar.user.cache.UserChanges;
import dev.bazaar.user.cache.VersionedCache;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Reads a user's view through the cache (cache-aside: Redis, else MariaDB then Redis). */
@Component
class UserViews {

    private final VersionedCache cache;
    private final UserAccounts users;
    private final AddressBook addresses;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    UserViews(
            VersionedCache cache,
            UserAccounts users,
            AddressBook addresses,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.cache = cache;
        this.users = users;
        this.addresses = addresses;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    public Optional<UserView> find(String userId) {
        VersionedCache.Entry entry = cache.get(UserChanges.key(userId), () -> load(userId));
        return entry == null ? Optional.empty() : Optional.of(json.readValue(entry.payload(), UserView.class));
    }

    /** Straight from MariaDB: the benchmark's baseline, and the loader behind the cache. */
    public Optional<UserView> loadFromDatabase(String userId) {
        // One read-only transaction (REPEATABLE READ): user row and default address at one version.
        return readOnly.execute(status -> users.findById(userId)
                .map(user -> new UserView(
                        user.id(),
                        user.email(),
                        user.name(),
                        user.phone(),
                        user.roles(),
                        user.version(),
                        addresses.defaultAddress(userId).orElse(null))));
    }

    private VersionedCache.Entry load(String userId) {
        return loadFromDatabase(userId)
                .map(view -> new VersionedCache.Entry(view.version(), json.writeValueAsString(view)))
                .orElse(null);
    }
}
