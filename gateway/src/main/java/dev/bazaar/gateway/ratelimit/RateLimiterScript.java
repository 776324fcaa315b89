package dev.bazaar.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} with its own token-bucket script, read once. The
 * auto-configured script wraps the classpath file in a {@code ResourceScriptSource}, which asks the
 * file for its last-modified time on every execution to decide whether to hash it again: inside the
 * boot jar that opens a nested-jar URL per request, and a profile put 18 % of the gateway's CPU
 * there. The auto-configured limiter backs off when this one exists.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterScript {

    static final String LOCATION = "META-INF/scripts/request_rate_limiter.lua";

    @Bean
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration) {
        return new RedisRateLimiter(redis, script(), configuration);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static RedisScript<List<Long>> script() {
        try {
            return (RedisScript) RedisScript.of(
                    new ClassPathResource(LOCATION).getContentAsString(StandardCharsets.UTF_8), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Spring Cloud Gateway's " + LOCATION + " is missing", e);
        }
    }
}
