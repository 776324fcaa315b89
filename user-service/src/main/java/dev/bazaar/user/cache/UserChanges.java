package dev.bazaar.user.cache;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evicts a user's cached view once a change has committed: never before (a reader could cache the
 * old row again), and always before the writer gets its answer (the after-commit callback runs in
 * the writer's thread, before the transactional method returns).
 */
@Component
public class UserChanges {

    private final VersionedCache cache;

    UserChanges(VersionedCache cache) {
        this.cache = cache;
    }

    public static String key(String userId) {
        return "user:" + userId;
    }

    public void changed(String userId, long newVersion) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.evict(key(userId), newVersion);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.evict(key(userId), newVersion);
            }
        });
    }
}
