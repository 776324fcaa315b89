package dev.bazaar.notification.dispatch;

import dev.bazaar.notification.delivery.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code bazaar.notifications.deliveries} (Prometheus {@code bazaar_notifications_deliveries_total}) per
 * channel and outcome: {@code sent}, {@code failed} (an attempt that will be retried), {@code dead} (a dead
 * letter) and {@code skipped} (opted out, or no address on the channel).
 */
@Component
class DeliveryMetrics {

    enum Outcome {
        SENT,
        FAILED,
        DEAD,
        SKIPPED
    }

    private final Map<Channel, Map<Outcome, Counter>> counters = new EnumMap<>(Channel.class);

    DeliveryMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("bazaar.notifications.deliveries")
                                .description("Delivery attempts of notifications by channel and outcome")
                                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
                                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                                .register(registry));
            }
            counters.put(channel, byOutcome);
        }
    }

    void count(Channel channel, Outcome outcome) {
        counters.get(channel).get(outcome).increment();
    }
}
