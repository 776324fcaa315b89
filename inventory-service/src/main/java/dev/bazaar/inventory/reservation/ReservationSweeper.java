package dev.bazaar.inventory.reservation;

import dev.bazaar.inventory.InventoryProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Releases RESERVED reservations past their {@code expires_at} every
 * {@code bazaar.inventory.reservations.sweep-interval}, so stock never stays blocked even when
 * order-service never confirms or releases (down, or its own timeout lost). Each release is its own
 * compare-and-set transaction: a confirm that wins the race is kept.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationSweeper implements SchedulingConfigurer {

    private final Reservations reservations;
    private final Duration interval;
    private final int batch;

    ReservationSweeper(Reservations reservations, InventoryProperties properties) {
        this.reservations = reservations;
        this.interval = properties.reservations().sweepInterval();
        this.batch = properties.reservations().sweepBatch();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    /** In batches until a batch comes back short. */
    void sweep() {
        int found;
        do {
            var expired = reservations.expired(batch);
            found = expired.size();
            expired.forEach(reservations::releaseIfExpired);
        } while (found == batch);
    }
}
