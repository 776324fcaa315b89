package dev.bazaar.order.payment;

import dev.bazaar.starter.naming.BazaarRedisProperties;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The payment timeout of each order: the Redis key {@code <prefix>order:payment-timeout:<orderId>} with the
 * timeout as its TTL, set when the order starts waiting for its payment. Its expiry, announced by Redis as
 * a keyspace event ({@code __keyevent@*__:expired}, which needs {@code notify-keyspace-events} with
 * {@code E} and {@code x}), runs {@link Settlement#timedOut}. Redis sends such events once, to whoever
 * listens then: one lost while the service was down is made up for by the {@link PaymentSweeper}.
 */
@Component
public class PaymentTimeouts implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeouts.class);
    private static final String KEY = "order:payment-timeout:";

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Settlement settlement;

    PaymentTimeouts(
            StringRedisTemplate redis,
            BazaarRedisProperties naming,
            Settlement settlement,
            RedisConnectionFactory connections) {
        this.redis = redis;
        this.keyPrefix = naming.keyPrefix() + KEY;
        this.settlement = settlement;
        enableExpiryEvents(connections);
    }

    /** Starts the order's timeout: its key expires after {@code timeout}. */
    public void start(String orderId, Duration timeout) {
        redis.opsForValue().set(keyPrefix + orderId, "PAYMENT_PENDING", timeout);
    }

    /** The key's name, for tests that look at it. */
    String keyOf(String orderId) {
        return keyPrefix + orderId;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String key = new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        if (!key.startsWith(keyPrefix)) {
            return;
        }
        String orderId = key.substring(keyPrefix.length());
        try {
            settlement.timedOut(orderId, false);
        } catch (RuntimeException e) {
            // The sweeper settles it after the grace.
            log.warn("Payment timeout of order {} not settled now: {}", orderId, e.toString());
        }
    }

    RedisMessageListenerContainer listen(RedisConnectionFactory connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(this, new PatternTopic("__keyevent@*__:expired"));
        return container;
    }

    /**
     * Redis announces expiries only with {@code notify-keyspace-events} containing {@code E} (keyevent) and
     * {@code x} (expired), or {@code A}. The local Redis starts with {@code Ex}; elsewhere this asks for it
     * with CONFIG SET, keeping the flags already set. A Redis that refuses CONFIG (a managed one) must be
     * configured by its operator; until then the sweeper alone cancels unpaid orders, after the grace.
     */
    private static void enableExpiryEvents(RedisConnectionFactory connections) {
        try (RedisConnection connection = connections.getConnection()) {
            Properties config = connection.serverCommands().getConfig("notify-keyspace-events");
            String flags = config == null ? "" : config.getProperty("notify-keyspace-events", "");
            if (flags.contains("E") && (flags.contains("x") || flags.contains("A"))) {
                return;
            }
            String wanted = flags + (flags.contains("E") ? "" : "E") + (flags.contains("x") ? "" : "x");
            connection.serverCommands().setConfig("notify-keyspace-events", wanted);
            log.info("Redis notify-keyspace-events set to '{}' for payment timeouts", wanted);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not enable Redis expiry events (notify-keyspace-events Ex): {}; unpaid orders are "
                            + "cancelled by the sweeper only, after the payment timeout plus the grace",
                    e.toString());
        }
    }
}
