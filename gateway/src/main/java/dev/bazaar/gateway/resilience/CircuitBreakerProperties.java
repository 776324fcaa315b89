package dev.bazaar.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One circuit breaker per route ({@code bazaar.gateway.circuit-breaker.*}): it opens when at least
 * half of the last calls failed (connection refused, route timeout), answers 503 at once while open,
 * and lets a few trial calls through after {@code waitInOpenState}.
 */
@ConfigurationProperties("bazaar.gateway.circuit-breaker")
record CircuitBreakerProperties(
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpenState) {}
