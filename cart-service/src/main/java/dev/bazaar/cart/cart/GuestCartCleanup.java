package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs {@link GuestCarts#removeExpired} every {@code bazaar.cart.guest.cleanup-interval}, first after one interval. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GuestCartCleanup implements SchedulingConfigurer {

    private final GuestCarts guests;
    private final Duration interval;

    GuestCartCleanup(GuestCarts guests, CartProperties properties) {
        this.guests = guests;
        this.interval = properties.guest().cleanupInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(guests::removeExpired, interval, interval));
    }
}
