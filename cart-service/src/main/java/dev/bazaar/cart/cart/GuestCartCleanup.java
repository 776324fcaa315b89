package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link GuestCarts#removeExpired}, and deletes idempotency keys past their retention
 * ({@link IdempotentRequests#removeExpired}), every {@code bazaar.cart.guest.cleanup-interval}, first
 * after one interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GuestCartCleanup implements SchedulingConfigurer {

    private final GuestCarts guests;
    private final IdempotentRequests requests;
    private final Duration interval;
    private final int batch;

    GuestCartCleanup(GuestCarts guests, IdempotentRequests requests, CartProperties properties) {
        this.guests = guests;
        this.requests = requests;
        this.interval = properties.guest().cleanupInterval();
        this.batch = properties.guest().cleanupBatch();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(guests::removeExpired, interval, interval));
        registrar.addFixedDelayTask(new FixedDelayTask(this::removeExpiredKeys, interval, interval));
    }

    /** In batches, each its own statement, so no delete holds many row locks for long. */
    private void removeExpiredKeys() {
        while (requests.removeExpired(batch) == batch) {
            // more to delete
        }
    }
}
