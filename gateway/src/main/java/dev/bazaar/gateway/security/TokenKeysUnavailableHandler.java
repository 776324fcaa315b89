package dev.bazaar.gateway.security;

import dev.bazaar.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A bearer token the gateway could not check is not a bad token. When the JWKS cannot be fetched
 * (user-service down or restarting, wrong address, 404), the decoder fails with a {@code JwtException}
 * that is not a {@code BadJwtException} ({@link KeysUnavailableJwtDecoder} makes sure of it); Spring
 * Security turns it into {@link AuthenticationServiceException} and, by default, rethrows it, which
 * reached the client as a 500. The fault is ours and passing: 503 with {@code Retry-After}, so a client
 * retries with the same token instead of dropping the session. Every other failure (expired, forged,
 * malformed token) stays the 401 of {@link ProblemSecurityHandlers}.
 */
@Component
class TokenKeysUnavailableHandler implements ServerAuthenticationFailureHandler {

    /** Long enough for a user-service restart to progress, short enough that a shopper barely waits. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(TokenKeysUnavailableHandler.class);

    private final ProblemWriter problems;
    private final ProblemSecurityHandlers refusals;

    TokenKeysUnavailableHandler(ProblemWriter problems, ProblemSecurityHandlers refusals) {
        this.problems = problems;
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException failure) {
        ServerWebExchange exchange = filterExchange.getExchange();
        if (!(failure instanceof AuthenticationServiceException)) {
            return refusals.commence(exchange, failure);
        }
        log.warn(
                "Cannot check the bearer token on {} {}: the token keys are unavailable ({})",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "The gateway cannot check tokens right now; try again shortly.");
    }
}
