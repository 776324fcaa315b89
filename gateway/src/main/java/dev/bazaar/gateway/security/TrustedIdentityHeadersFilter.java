package dev.bazaar.gateway.security;

import dev.bazaar.starter.security.RolesClaimConverter;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services behind the gateway may trust {@code X-User-Id} and {@code X-User-Roles} only because the
 * gateway owns them: whatever a client sent under any {@code X-User-*} name is dropped, and the
 * values of a verified token are set instead. Anonymous requests reach the services without them.
 */
@Component
class TrustedIdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String USER_ID = "X-User-Id";
    static final String USER_ROLES = "X-User-Roles";
    private static final String TRUSTED_PREFIX = "x-user-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> withHeaders(exchange, token))
                .defaultIfEmpty(withHeaders(exchange, null))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withHeaders(ServerWebExchange exchange, JwtAuthenticationToken token) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    stripClientValues(headers);
                    if (token != null) {
                        headers.set(USER_ID, token.getToken().getSubject());
                        headers.set(USER_ROLES, String.join(",", RolesClaimConverter.roles(token.getToken())));
                    }
                }))
                .build();
    }

    private static void stripClientValues(HttpHeaders headers) {
        List<String> spoofed = headers.headerNames().stream()
                .filter(name -> name.toLowerCase().startsWith(TRUSTED_PREFIX))
                .toList();
        spoofed.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        // Early, so no later filter can see a client-sent identity.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
