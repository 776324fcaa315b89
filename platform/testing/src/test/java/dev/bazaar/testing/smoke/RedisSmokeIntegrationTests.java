package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.test.autoconfigure.DataRedisTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** The order-payment timeout relies on this: a key's expiry is announced as a keyspace event. */
@DataRedisTest
@UsesLocalServers(LocalServer.REDIS)
class RedisSmokeIntegrationTests {

    static final BlockingQueue<String> expiredKeys = new LinkedBlockingQueue<>();

    @TestConfiguration
    static class ExpiryListener {

        @Bean
        RedisMessageListenerContainer expiryEvents(RedisConnectionFactory connections) {
            try (var connection = connections.getConnection()) {
                connection.serverCommands().setConfig("notify-keyspace-events", "Ex");
            }
            var container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.addMessageListener(
                    (message, pattern) -> expiredKeys.add(new String(message.getBody())),
                    new PatternTopic("__keyevent@*__:expired"));
            return container;
        }
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    IsolatedNames names;

    @Test
    void expiryOfAKeyIsDeliveredAsAKeyspaceEvent() throws InterruptedException {
        String key = names.redisKeyPrefix() + "order:payment-timeout:42";
        redis.opsForValue().set(key, "PAYMENT_PENDING", Duration.ofMillis(300));
        assertThat(redis.opsForValue().get(key)).isEqualTo("PAYMENT_PENDING");

        String expired;
        do {
            expired = expiredKeys.poll(5, TimeUnit.SECONDS);
        } while (expired != null && !expired.equals(key));

        assertThat(expired).isEqualTo(key);
        assertThat(redis.hasKey(key)).isFalse();
    }
}
