package dev.bazaar.gateway.security;

import dev.bazaar.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json. The reason a token was refused (expired, bad signature, unsigned)
 * goes no further than {@code error="invalid_token"}: details would only help a forger.
 */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof InvalidBearerTokenException;
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                badToken ? "The bearer token is invalid or expired." : "This path needs a bearer token.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this call.");
    }
}
