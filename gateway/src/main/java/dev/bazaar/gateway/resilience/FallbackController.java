package dev.bazaar.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import dev.bazaar.gateway.problem.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where every route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback}).
 * The client learns, in problem+json, whether the backend was too slow (504) or unreachable / its
 * circuit open (503); it never waits on a dead backend. Not reachable from outside (security denies it).
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemWriter problems;

    FallbackController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback")
    Mono<Void> fallback(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = clientPath(exchange);
        if (isTimeout(failure)) {
            log.warn("Backend timed out for {}", path);
            return problems.write(
                    exchange.getResponse(),
                    path,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "gateway-timeout",
                    "The service behind this path did not answer in time.");
        }
        if (failure instanceof CallNotPermittedException) {
            log.debug("Circuit open for {}", path);
        } else {
            log.warn("Backend unavailable for {}: {}", path, failure == null ? "unknown" : failure.toString());
        }
        return problems.write(
                exchange.getResponse(),
                path,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "The service behind this path is unavailable; try again shortly.");
    }

    /** The path the client called (the problem's {@code instance}), not this forward's own. */
    private static String clientPath(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(
                ClientPathFilter.CLIENT_PATH_ATTR,
                exchange.getRequest().getPath().value());
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException status
                            && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
