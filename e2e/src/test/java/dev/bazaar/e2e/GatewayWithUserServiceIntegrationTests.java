package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.TestJwts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's jar in front of user-service's jar, with nothing standing in for either: a token
 * from a real login is checked against user-service's own JWKS, a token signed by another key is
 * refused by the gateway itself, a route whose backend is down answers 503 problems until its
 * circuit breaker opens, a gateway whose Redis is unreachable still serves (its rate limiter
 * fails open), and a gateway that cannot fetch the JWKS answers a valid token with a 503 it can be
 * retried on, not a 500. The gateway's module tests use {@code TestJwts} and echo backends instead.
 */
class GatewayWithUserServiceIntegrationTests {

    /** bazaar.gateway.circuit-breaker.minimum-number-of-calls as shipped: a breaker judges no fewer calls. */
    static final int BREAKER_MINIMUM_CALLS = 10;

    static final String PROBLEMS = "https://bazaar.dev/problems/";

    static final IsolatedNames names = IsolatedNames.forTestClass(GatewayWithUserServiceIntegrationTests.class);
    /** Nothing listens here: the backend of the routes that are down, and the Redis of the second gateway. */
    static final String DOWN = "http://127.0.0.1:" + closedPort();

    static ServiceProcess users;
    static ServiceProcess gateway;
    static ServiceProcess gatewayWithoutRedis;
    /**
     * Its JWKS URI is a closed port (user-service down, as it looks during a restart). A gateway of its
     * own: the no-Redis one must keep checking real tokens, or its fail-open test could only make
     * anonymous calls and would no longer cover a signed-in shopper's bucket.
     */
    static ServiceProcess gatewayWithoutKeys;

    @BeforeAll
    static void startServices() throws Exception {
        LocalServer.MARIADB.requireReachable();
        LocalServer.REDIS.requireReachable();
        users = ServiceProcess.start(
                "user-service",
                List.of(
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--bazaar.users.internal-token=" + UUID.randomUUID(),
                        "--bazaar.users.demo.enabled=false",
                        "--bazaar.users.password.bcrypt-strength=4"));
        String jwks =
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + users.baseUrl() + "/.well-known/jwks.json";
        gateway = ServiceProcess.start(
                "gateway",
                List.of(
                        jwks,
                        "--bazaar.gateway.routes.users=" + users.baseUrl(),
                        // Signed-in only, backend down: what answers there is the gateway's own decision.
                        "--bazaar.gateway.routes.orders=" + DOWN,
                        // Public, backend down: its breaker is the one this test opens.
                        "--bazaar.gateway.routes.items=" + DOWN,
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix()));
        // One request a second with no burst: a limiter that could reach Redis would refuse the second call in a row.
        // Its overall health is DOWN (Redis), so it counts as started when it is ready, as a probe would see it.
        gatewayWithoutRedis = ServiceProcess.start(
                "gateway",
                List.of(
                        jwks,
                        "--bazaar.gateway.routes.users=" + users.baseUrl(),
                        "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + URI.create(DOWN).getPort(),
                        "--bazaar.gateway.rate-limit.replenish-rate=1",
                        "--bazaar.gateway.rate-limit.burst-capacity=1"),
                "/actuator/health/readiness");
        gatewayWithoutKeys = ServiceProcess.start(
                "gateway",
                List.of(
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + DOWN + "/.well-known/jwks.json",
                        "--bazaar.gateway.routes.users=" + users.baseUrl(),
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix()));
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {gatewayWithoutKeys, gatewayWithoutRedis, gateway, users}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aTokenFromARealLoginPassesTheGatewayAndOneSignedByAnotherKeyIsRefusedThere() throws Exception {
        Session session = signUp(gateway);

        var me = send(gateway, "GET", "/api/users/me", null, session.bearer());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").stringValue()).isEqualTo(session.email());
        // The orders backend is down: a token the gateway accepted goes on to it and the breaker's 503 comes back.
        assertThat(problemType(send(gateway, "GET", "/api/orders/mine", null, session.bearer())))
                .isEqualTo(PROBLEMS + "service-unavailable");

        String forged = TestJwts.bearer(session.userId(), "CUSTOMER");
        // Same route: had the gateway let it through, the answer would be that 503, not a 401.
        var refused = send(gateway, "GET", "/api/orders/mine", null, forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(problemType(refused)).isEqualTo(PROBLEMS + "unauthorized");
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(send(gateway, "GET", "/api/users/me", null, forged).status()).isEqualTo(401);
    }

    @Test
    void aDownBackendsBreakerOpensAndThenAnswersWithoutTryingIt() throws Exception {
        int calls = BREAKER_MINIMUM_CALLS + 5;
        for (int call = 0; call < calls; call++) {
            var response = send(gateway, "GET", "/api/items/" + UUID.randomUUID(), null, null);
            assertThat(response.status()).isEqualTo(503);
            assertThat(problemType(response)).isEqualTo(PROBLEMS + "service-unavailable");
        }

        String metrics =
                send(gateway, "GET", "/actuator/prometheus", null, null).body();
        assertThat(metric(metrics, "resilience4j_circuitbreaker_state", "name=\"items\"", "state=\"open\""))
                .as("the items breaker is open")
                .isEqualTo(1.0);
        // Every failed call past the minimum found the breaker open: answered without a connection attempt.
        assertThat(metric(metrics, "resilience4j_circuitbreaker_not_permitted_calls_total", "name=\"items\""))
                .as("calls the open breaker answered itself")
                .isEqualTo(calls - BREAKER_MINIMUM_CALLS);
    }

    @Test
    void aGatewayThatCannotReachItsRedisStillServesBecauseItsRateLimiterFailsOpen() throws Exception {
        Session session = signUp(gatewayWithoutRedis);

        for (int call = 0; call < 5; call++) {
            var me = send(gatewayWithoutRedis, "GET", "/api/users/me", null, session.bearer());
            assertThat(me.status()).as("call %d: %s", call, me.body()).isEqualTo(200);
            // RedisRateLimiter's answer when it could not ask Redis: allowed, tokens left unknown (-1).
            assertThat(me.headers().firstValue("X-RateLimit-Remaining")).hasValue("-1");
        }

        // And it says so: Redis is DOWN in its health, while it stays ready for traffic.
        var health = send(gatewayWithoutRedis, "GET", "/actuator/health", null, null);
        assertThat(health.json().get("components").get("redis").get("status").stringValue())
                .isEqualTo("DOWN");
        assertThat(send(gatewayWithoutRedis, "GET", "/actuator/health/readiness", null, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aGatewayThatCannotFetchTheTokenKeysAnswersAValidToken503AndABadOne401() throws Exception {
        // A token user-service really issued, obtained through the gateway that can reach its keys.
        Session session = signUp(gateway);

        // /api/users/me is routed to the live user-service: a 503 here is the gateway's own answer.
        var unavailable = send(gatewayWithoutKeys, "GET", "/api/users/me", null, session.bearer());
        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(problemType(unavailable)).isEqualTo(PROBLEMS + "service-unavailable");
        assertThat(unavailable.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        // The operator learns why from the gateway's log (ServiceProcess keeps it under target/).
        Path log = Path.of("target", "gateway-" + gatewayWithoutKeys.port() + ".log");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Files.readAllLines(log))
                        .anySatisfy(line ->
                                assertThat(line).contains("WARN", "token keys are unavailable", "Connection refused")));

        // What it can judge without keys is still the client's fault: 401, not 503.
        var garbage = send(gatewayWithoutKeys, "GET", "/api/users/me", null, "Bearer not-a-jwt");
        assertThat(garbage.status()).as(garbage.body()).isEqualTo(401);
        assertThat(problemType(garbage)).isEqualTo(PROBLEMS + "unauthorized");
        assertThat(garbage.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        var anonymous = send(gatewayWithoutKeys, "GET", "/api/users/me", null, null);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(problemType(anonymous)).isEqualTo(PROBLEMS + "unauthorized");
    }

    record Session(String userId, String email, String accessToken) {
        String bearer() {
            return HttpTestClient.bearer(accessToken);
        }
    }

    /** Registers and logs in a new customer through the gateway, as a shopper would. */
    private static Session signUp(ServiceProcess through) throws Exception {
        String email = "gw-" + UUID.randomUUID() + "@bazaar.test";
        String password = "Gateway-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-7";
        var registered = send(
                through,
                "POST",
                "/api/users/register",
                Map.of("email", email, "password", password, "name", "Gateway Shopper"),
                null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var login = send(through, "POST", "/api/users/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Session(
                registered.json().get("id").stringValue(),
                email,
                login.json().get("accessToken").stringValue());
    }

    private static HttpTestClient.Response send(
            ServiceProcess to, String method, String path, Object body, String authorization) {
        HttpTestClient client = new HttpTestClient(to.baseUrl());
        return authorization == null
                ? client.sendJson(method, path, body)
                : client.sendJson(method, path, body, "Authorization", authorization);
    }

    private static String problemType(HttpTestClient.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("type").stringValue();
    }

    /** The value of the one Prometheus sample of {@code name} whose labels contain every one of {@code labels}. */
    private static double metric(String scrape, String name, String... labels) {
        List<Double> values = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains)) {
                values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        assertThat(values).as("samples of %s with %s", name, List.of(labels)).hasSize(1);
        return values.get(0);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
