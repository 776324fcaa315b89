package dev.bazaar.gateway.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.bazaar.testing.TestJwts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP backends for the gateway under test: one tiny Spring WebFlux app (functional routes on
 * Reactor Netty, no application context) per backend name of {@code bazaar.gateway.routes.*}. Each
 * answers any request with what it received (its name, method, path, query, headers, body), serves
 * the JWKS of {@link TestJwts}' key like user-service does, and has a slow path for timeout tests.
 */
public final class EchoBackends implements AutoCloseable {

    public static final List<String> NAMES = List.of("users", "items", "inbound", "search", "serviceability",
            "cart", "wishlist", "orders", "inventory", "recommendations", "search-consumer");

    /** Answers after this long: longer than any route timeout a test sets. */
    public static final Duration SLOW = Duration.ofSeconds(5);

    /** A healthy but busy backend: many calls are in flight at once. */
    public static final Duration BUSY = Duration.ofMillis(500);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, DisposableServer> servers = new LinkedHashMap<>();

    public static EchoBackends start() {
        var backends = new EchoBackends();
        NAMES.forEach(name -> backends.servers.put(name, HttpServer.create()
                .host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes(name))))
                .bindNow()));
        return backends;
    }

    public String uri(String name) {
        return "http://127.0.0.1:" + servers.get(name).port();
    }

    /**
     * Points every route of the gateway at its echo backend (but the {@code unrouted} ones, which a
     * test points elsewhere), and the JWT decoder at the test key.
     */
    public void register(DynamicPropertyRegistry registry, String... unrouted) {
        NAMES.stream().filter(name -> !List.of(unrouted).contains(name))
                .forEach(name -> registry.add("bazaar.gateway.routes." + name, () -> uri(name)));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> uri("users") + "/.well-known/jwks.json");
        registry.add("bazaar.gateway.cors.allowed-origins", () -> "https://shop.bazaar.test");
    }

    @Override
    public void close() {
        servers.values().forEach(DisposableServer::disposeNow);
    }

    private static RouterFunction<ServerResponse> routes(String name) {
        String jwks = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build()).toString();
        return RouterFunctions.route()
                .GET("/.well-known/jwks.json", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(jwks))
                .route(RequestPredicates.path("/api/search/slow"), request -> Mono.delay(SLOW)
                        .then(ServerResponse.ok().bodyValue("too late")))
                .route(RequestPredicates.path("/api/items/busy"), request -> Mono.delay(BUSY)
                        .then(echo(name, request)))
                .route(RequestPredicates.all(), request -> echo(name, request))
                .build();
    }

    private static Mono<ServerResponse> echo(String name, ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("backend", name);
            echo.put("method", request.method().name());
            echo.put("path", request.path());
            echo.put("query", request.uri().getRawQuery());
            Map<String, List<String>> headers = new TreeMap<>();
            var httpHeaders = request.headers().asHttpHeaders();
            httpHeaders.headerNames().forEach(header -> headers.put(header.toLowerCase(), httpHeaders.get(header)));
            echo.put("headers", headers);
            echo.put("body", body);
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    // A backend's own request id must not override the gateway's.
                    .header("X-Request-Id", "set-by-backend")
                    .bodyValue(JSON.writeValueAsString(echo));
        });
    }
}
