package dev.bazaar.order.processing;

import dev.bazaar.order.OrderProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The durable backstop behind the restock and refund a cancellation or return makes after its commit: every
 * {@code bazaar.orders.compensation-retry}, the owed compensations that are due (their first attempt failed,
 * inventory- or payment-service down, or the service died before making it) are claimed one by one and
 * settled again ({@link Compensations#settle}), until both calls are done. Several instances may sweep: a row
 * is claimed by a compare-and-set, and the calls are idempotent anyway. The gauge
 * {@code bazaar.orders.compensations.owed} counts the orders still owed something.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CompensationSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CompensationSweeper.class);

    private static final int MAX_BATCHES = 100;

    private final Compensations compensations;
    private final OrderProperties properties;

    CompensationSweeper(Compensations compensations, OrderProperties properties, MeterRegistry meters) {
        this.compensations = compensations;
        this.properties = properties;
        // Read at each scrape: a count that stays above 0 means a peer has been refusing for a while.
        Gauge.builder("bazaar.orders.compensations.owed", compensations, Compensations::owed)
                .description("Cancelled or returned orders whose restock or refund is still owed")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.compensationRetry();
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    /** In batches until one comes back short (at most {@value #MAX_BATCHES} per sweep). */
    void sweep() {
        List<String> due;
        int batches = 0;
        do {
            due = compensations.due(properties.sweepBatch());
            for (String orderId : due) {
                try {
                    if (compensations.claim(orderId)) {
                        compensations.settle(orderId);
                    }
                } catch (RuntimeException e) {
                    log.warn("Compensation of order {} not settled now: {}", orderId, e.toString());
                }
            }
        } while (due.size() == properties.sweepBatch() && ++batches < MAX_BATCHES);
    }
}
