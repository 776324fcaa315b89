package dev.bazaar.gateway.ratelimit;

import dev.bazaar.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's RequestRateLimiter answers a refused request with a bare 429. This filter
 * wraps the response so that such an answer becomes a problem+json body with {@code Retry-After}:
 * the seconds until the token bucket again holds the tokens one request costs, computed from the
 * rate-limit headers RedisRateLimiter has just set.
 */
@Component
class TooManyRequestsProblemFilter implements GlobalFilter, Ordered {

    private final ProblemWriter problems;

    TooManyRequestsProblemFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        var response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode())) {
                    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(getHeaders())));
                    return problems.write(
                            getDelegate(),
                            path,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-requests",
                            "Too many requests: retry after the time in the Retry-After header.");
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    static long retryAfterSeconds(HttpHeaders headers) {
        long replenishRate = number(headers, RedisRateLimiter.REPLENISH_RATE_HEADER, 1);
        long requested = number(headers, RedisRateLimiter.REQUESTED_TOKENS_HEADER, 1);
        long remaining = Math.max(0, number(headers, RedisRateLimiter.REMAINING_HEADER, 0));
        long missing = Math.max(1, requested - remaining);
        // Ceiling division, at least one second (Retry-After has whole seconds).
        return Math.max(1, (missing + Math.max(1, replenishRate) - 1) / Math.max(1, replenishRate));
    }

    private static long number(HttpHeaders headers, String name, long fallback) {
        try {
            String value = headers.getFirst(name);
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
