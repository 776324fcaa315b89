package dev.bazaar.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the client's own if it looks like an id, a new UUID
 * otherwise. It goes to the backend and back to the client, also on answers the gateway gives
 * itself (401, 429, 503), so a client's report can be matched to the logs of every hop.
 * A WebFilter rather than a gateway filter so it runs before security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";

    /** Short and log-safe: anything else (newlines, huge values) is replaced, not trusted. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, id)))
                .build();
        // Set just before commit: a backend's own X-Request-Id header must not replace ours.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(withId);
    }
}
