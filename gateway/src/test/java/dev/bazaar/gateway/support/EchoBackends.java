package dev.bazaar.gateway.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.TestJwts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
 * Real HTTP backends for the gateway under test, as a JUnit 5 extension: one tiny Spring WebFlux app
 * (functional routes on Reactor Netty, no application context) per backend name of
 * {@code bazaar.gateway.routes.*}. Each answers any request with what it received (its name, method,
 * path, query, headers, body), serves the JWKS of {@link TestJwts}' key like user-service does, and
 * has a slow path for timeout tests. Every gateway test uses it the same way:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EchoBackends backends = EchoBackends.forEveryRoute();   // or .except("users")
 *
 * @DynamicPropertySource
 * static void routes(DynamicPropertyRegistry registry) {
 *     backends.register(registry);
 * }
 * }</pre>
 *
 * The backends start when Spring first reads their addresses, building the test class's context
 * (so before anything needs their ports, whatever the order of the JUnit extensions), and stop after
 * the class's tests.
 */
public final class EchoBackends implements AfterAllCallback {

    public static final List<String> NAMES = List.of(
            "users",
            "items",
            "inbound",
            "search",
            "serviceability",
            "cart",
            "wishlist",
            "orders",
            "inventory",
            "payments",
            "notifications",
            "recommendations",
            "search-consumer");

    /** Answers after this long: longer than any route timeout a test sets. */
    public static final Duration SLOW = Duration.ofSeconds(5);

    /** A healthy but busy backend: many calls are in flight at once. */
    public static final Duration BUSY = Duration.ofMillis(500);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> unrouted;
    private final Map<String, DisposableServer> servers = new LinkedHashMap<>();
    private boolean stopped;

    private EchoBackends(List<String> unrouted) {
        this.unrouted = unrouted;
    }

    /** Every route of the gateway goes to its echo backend. */
    public static EchoBackends forEveryRoute() {
        return new EchoBackends(List.of());
    }

    /** Every route but these, which the test points elsewhere (e.g. at a closed port). */
    public static EchoBackends except(String... unrouted) {
        return new EchoBackends(List.of(unrouted));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** A backend's address; the first call starts them all. */
    public synchronized String uri(String name) {
        start();
        return "http://127.0.0.1:" + servers.get(name).port();
    }

    /**
     * Points every route of the gateway at its echo backend (but the {@link #except unrouted} ones),
     * the JWT decoder at the test key, and CORS at the test storefront.
     */
    public void register(DynamicPropertyRegistry registry) {
        NAMES.stream()
                .filter(name -> !unrouted.contains(name))
                .forEach(name -> registry.add("bazaar.gateway.routes." + name, () -> uri(name)));
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> uri("users") + "/.well-known/jwks.json");
        registry.add("bazaar.gateway.cors.allowed-origins", () -> "https://shop.bazaar.test");
    }

    private synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("these echo backends have stopped (their test class has finished)");
        }
        if (!servers.isEmpty()) {
            return;
        }
        NAMES.forEach(name -> servers.put(
                name,
                HttpServer.create()
                        .host("127.0.0.1")
                        .port(0)
                        .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes(name))))
                        .bindNow()));
    }

    private synchronized void stop() {
        stopped = true;
        servers.values().forEach(DisposableServer::disposeNow);
        servers.clear();
    }

    /** A header as the echo backend received it (first value), or null: what the gateway forwarded. */
    @SuppressWarnings("unchecked")
    public static String receivedHeader(HttpTestClient.Response response, String name) {
        var headers = (Map<String, List<String>>) response.jsonMap().get("headers");
        List<String> values = headers.get(name.toLowerCase());
        return values == null ? null : values.get(0);
    }

    private static RouterFunction<ServerResponse> routes(String name) {
        String jwks = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build()).toString();
        return RouterFunctions.route()
                .GET(
                        "/.well-known/jwks.json",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(jwks))
                .route(
                        RequestPredicates.path("/api/search/slow"),
                        request -> Mono.delay(SLOW).then(ServerResponse.ok().bodyValue("too late")))
                .route(
                        RequestPredicates.path("/api/items/busy"),
                        request -> Mono.delay(BUSY).then(echo(name, request)))
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
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    // A backend's own request id must not override the gateway's.
                    .header("X-Request-Id", "set-by-backend")
                    .bodyValue(JSON.writeValueAsString(echo));
        });
    }
}
