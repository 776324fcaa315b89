package dev.bazaar.order.payment;

import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.lifecycle.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code bazaar.orders.sweep-interval}, the orders still PAYMENT_PENDING past their payment timeout plus
 * the grace, from the database: their expiry event was lost (Redis announces an expiry once, to whoever
 * listens then; the service was down or restarting). Each goes through the same {@link Settlement#timedOut}
 * as an expiry. Orders left CREATED as long (a taking that stopped half-way: the service died between two
 * steps) are released and cancelled ({@link Settlement#abandoned}). Also starts the listener of the expiry
 * events.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PaymentSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PaymentSweeper.class);

    private static final int MAX_BATCHES = 100;

    private final Orders orders;
    private final Settlement settlement;
    private final OrderProperties properties;

    PaymentSweeper(Orders orders, Settlement settlement, OrderProperties properties) {
        this.orders = orders;
        this.settlement = settlement;
        this.properties = properties;
    }

    @Bean
    RedisMessageListenerContainer paymentTimeoutListener(PaymentTimeouts timeouts, RedisConnectionFactory connections) {
        return timeouts.listen(connections);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.sweepInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    /**
     * In batches until one comes back short (at most {@value #MAX_BATCHES} per sweep); an order that cannot be
     * settled now waits for the next sweep.
     */
    void sweep() {
        sweepStuckInCreated();
        List<String> overdue;
        int batches = 0;
        do {
            overdue = orders.overdue(Instant.now().minus(properties.grace()), properties.sweepBatch());
            int settled = 0;
            for (String orderId : overdue) {
                try {
                    settlement.timedOut(orderId, true);
                    settled++;
                } catch (RuntimeException e) {
                    log.warn("Overdue order {} not settled now: {}", orderId, e.toString());
                }
            }
            if (settled < overdue.size()) {
                return;
            }
        } while (overdue.size() == properties.sweepBatch() && ++batches < MAX_BATCHES);
    }

    /** Orders left CREATED longer than the payment timeout plus the grace: their taking stopped half-way. */
    private void sweepStuckInCreated() {
        for (String orderId : orders.stuckInCreated(properties.reservationTtl(), properties.sweepBatch())) {
            try {
                settlement.abandoned(orderId);
            } catch (RuntimeException e) {
                log.warn("Order {} stuck in CREATED not settled now: {}", orderId, e.toString());
            }
        }
    }
}
