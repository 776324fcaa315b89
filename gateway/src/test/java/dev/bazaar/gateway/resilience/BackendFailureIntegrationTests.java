package dev.bazaar.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.gateway.support.EchoBackends;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A down backend answers 503 at once, a slow one 504 within its route timeout; neither ever hangs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers(LocalServer.REDIS)
@ExtendWith(OutputCaptureExtension.class)
class BackendFailureIntegrationTests {

    @RegisterExtension
    static final EchoBackends backends = EchoBackends.except("users");

    static final Duration SEARCH_TIMEOUT = Duration.ofMillis(700);

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        backends.register(registry);
        // user-service is down: nothing listens on its port.
        registry.add("bazaar.gateway.routes.users", () -> "http://127.0.0.1:" + closedPort());
        registry.add("bazaar.gateway.timeouts.search", SEARCH_TIMEOUT::toMillis);
    }

    @LocalServerPort
    int port;

    HttpTestClient gateway;

    @BeforeEach
    void client() {
        gateway = HttpTestClient.local(port);
        // A running gateway is warm: its Redis connection and HTTP client exist before the outage.
        assertThat(gateway.get("/api/items/warm-up").status()).isEqualTo(200);
    }

    /**
     * "At once" without a clock: the refused connection itself is the answer's cause (the fallback logs
     * it), and a gateway that had waited for the route's response timeout instead would have answered
     * 504 gateway-timeout, not 503.
     */
    @Test
    void aDownBackendIsAServiceUnavailableProblemCausedByTheRefusedConnection(CapturedOutput output) {
        // More calls than the breaker's minimum: the same answer before and after it opens.
        for (int call = 0; call < 15; call++) {
            var response = gateway.post("/api/users/login", "{}");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonMap())
                    .containsEntry("type", "https://bazaar.dev/problems/service-unavailable")
                    .containsEntry("instance", "/api/users/login");
        }
        assertThat(output.getOut())
                .containsPattern("Backend unavailable for /api/users/login: [^\\n]*Connection refused");
        var signedIn = gateway.get("/api/users/me", "Authorization", TestJwts.bearer("user-42", "CUSTOMER"));
        assertThat(signedIn.status()).isEqualTo(503);
        assertThat(signedIn.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aSlowBackendIsAGatewayTimeoutProblemWithinTheRouteTimeout() {
        long start = System.nanoTime();
        var response = gateway.get("/api/search/slow?q=phone");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonMap()).containsEntry("type", "https://bazaar.dev/problems/gateway-timeout");
        // Answered by the gateway at its timeout, not by the backend: that one answers after SLOW (5 s).
        assertThat(took).isGreaterThanOrEqualTo(SEARCH_TIMEOUT).isLessThan(EchoBackends.SLOW);
    }

    @Test
    void otherRoutesKeepWorkingWhileOneBackendIsDown() {
        var response = gateway.get("/api/items/1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap()).containsEntry("backend", "items");
    }

    @Test
    void manyConcurrentCallsToAHealthyBackendAreAllServed() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(60);
        try {
            List<Future<HttpTestClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(clients.submit(() -> gateway.get("/api/items/busy")));
            }
            for (Future<HttpTestClient.Response> call : calls) {
                assertThat(call.get().status()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
