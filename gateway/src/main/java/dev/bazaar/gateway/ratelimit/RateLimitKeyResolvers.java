package dev.bazaar.gateway.ratelimit;

import dev.bazaar.starter.naming.BazaarRedisProperties;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose bucket a request draws from. The routes name these beans in their RequestRateLimiter
 * filters. Each key starts with {@code bazaar.redis.key-prefix} (empty in production, unique per test
 * class), so RedisRateLimiter's keys read
 * {@code request_rate_limiter.{<routeId>.<prefix>user:<id>}.tokens} and {@code .timestamp}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitKeyResolvers {

    private final String prefix;

    RateLimitKeyResolvers(BazaarRedisProperties redis) {
        this.prefix = redis.keyPrefix();
    }

    /** Signed-in callers by user id (one user, many devices, one budget); anonymous ones by IP. */
    @Bean
    @Primary
    KeyResolver userOrIpKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .map(principal -> prefix + "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> prefix + "ip:" + clientIp(exchange)));
    }

    /** Login attempts by IP only: a brute-forcer has no user id, and rotating the tried name must not help. */
    @Bean
    KeyResolver clientIpKeyResolver() {
        return exchange -> Mono.fromSupplier(() -> prefix + "ip:" + clientIp(exchange));
    }

    /**
     * The TCP peer. Behind a trusted load balancer set {@code server.forward-headers-strategy=native},
     * which makes this the forwarded client address; a raw X-Forwarded-For is never trusted here.
     */
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
