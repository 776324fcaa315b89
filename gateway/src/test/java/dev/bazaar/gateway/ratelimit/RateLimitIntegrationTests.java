package dev.bazaar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.gateway.support.EchoBackends;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits in the real Redis, lowered so a test can reach them: 3 requests in a burst then 1 a
 * second per user or IP, and 3 login attempts a minute per IP (the production figure is 100).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.gateway.rate-limit.replenish-rate=1",
            "bazaar.gateway.rate-limit.burst-capacity=3",
            "bazaar.gateway.rate-limit.login.replenish-rate=3",
            "bazaar.gateway.rate-limit.login.burst-capacity=180",
            "bazaar.gateway.rate-limit.login.requested-tokens=60"
        })
@UsesLocalServers(LocalServer.REDIS)
class RateLimitIntegrationTests {

    @RegisterExtension
    static final EchoBackends backends = EchoBackends.forEveryRoute();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    ReactiveStringRedisTemplate redis;

    HttpTestClient gateway;

    @BeforeEach
    void client() {
        gateway = HttpTestClient.local(port);
    }

    @Test
    void loginAttemptsFromOneIpAreLimitedWithRetryAfter() {
        var answers =
                repeat(5, () -> gateway.post("/api/users/login", "{\"email\":\"a@b.dev\",\"password\":\"guess\"}"));

        assertThat(answers.subList(0, 3))
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        var refused = answers.get(4);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonMap())
                .containsEntry("type", "https://bazaar.dev/problems/too-many-requests")
                .containsEntry("status", 429)
                .containsEntry("instance", "/api/users/login");
        // 60 tokens per attempt, 3 back a second: the next attempt is possible in 20 s.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 20L);
    }

    @Test
    void eachSignedInUserHasTheirOwnBudget() {
        String greedy = TestJwts.bearer("user-" + UUID.randomUUID(), "CUSTOMER");
        String other = TestJwts.bearer("user-" + UUID.randomUUID(), "CUSTOMER");

        var answers = repeat(6, () -> gateway.get("/api/cart", "Authorization", greedy));

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers).anySatisfy(response -> {
            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        });
        assertThat(gateway.get("/api/cart", "Authorization", other).status()).isEqualTo(200);
    }

    @Test
    void anonymousCallsAreLimitedPerIp() {
        var answers = repeat(6, () -> gateway.get("/api/items/1"));

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers).anySatisfy(response -> assertThat(response.status()).isEqualTo(429));
    }

    @Test
    void theBucketsLiveInRedisUnderThisTestsKeyPrefix() {
        gateway.get("/api/search?q=phone");

        List<String> keys = redis.keys("request_rate_limiter.{search." + names.redisKeyPrefix() + "ip:*")
                .collectList()
                .block();
        assertThat(keys).isNotEmpty();
    }

    private static List<HttpTestClient.Response> repeat(int times, Supplier<HttpTestClient.Response> call) {
        List<HttpTestClient.Response> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(call.get());
        }
        return answers;
    }
}
