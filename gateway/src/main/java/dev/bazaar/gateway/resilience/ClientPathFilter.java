package dev.bazaar.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the client called: the circuit breaker's forward to {@code /fallback} replaces
 * the request path, and the fallback's problem must name the client's path as its {@code instance}.
 */
@Component
class ClientPathFilter implements GlobalFilter, Ordered {

    static final String CLIENT_PATH_ATTR = ClientPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getAttributes()
                .put(CLIENT_PATH_ATTR, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
