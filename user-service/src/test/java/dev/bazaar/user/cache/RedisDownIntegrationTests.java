package dev.bazaar.user.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis stopped for real (a private redis-server, killed and restarted): reads and logins keep
 * working from MariaDB, health stays UP with redis DEGRADED, the failure shows in metrics, and no
 * stale value is served once Redis is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.users.cache.retry-after=1s")
@UsesLocalServers(LocalServer.MARIADB)
class RedisDownIntegrationTests {

    static final PrivateRedis REDIS = startRedis();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS.port);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        REDIS.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    RedisGuard guard;

    HttpTestClient api;

    @BeforeEach
    void client() throws Exception {
        api = HttpTestClient.local(port);
        if (!ping()) {
            REDIS.start();
        }
    }

    @Test
    void readsLoginsAndWritesWorkWithRedisStoppedAndTheOutageIsVisible() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        me(session);
        me(session);
        assertThat(metric("users_cache_requests_total{result=\"hit\"}")).isPositive();

        REDIS.stop();
        for (int i = 0; i < 5; i++) {
            assertThat(me(session).text("name")).isEqualTo("Test User");
        }
        HttpTestClient.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().path("components").path("redis").path("status").asString())
                .isEqualTo("DEGRADED");
        assertThat(metric("users_redis_errors_total")).isPositive();
        assertThat(metric("users_cache_requests_total{result=\"bypass\"}")).isPositive();
        assertThat(metric("users_redis_available")).isZero();

        // Writes and logins go on; the throttle fails open.
        assertThat(api.put("/api/users/me", Map.of("name", "Written while down"), "Authorization", session.bearer())
                        .status())
                .isEqualTo(200);
        assertThat(me(session).text("name")).isEqualTo("Written while down");
        TestUsers.Session again = TestUsers.login(api, session.email(), TestUsers.PASSWORD, session.userId());
        assertThat(me(again).text("name")).isEqualTo("Written while down");

        REDIS.start();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    me(session);
                    assertThat(api.get("/actuator/health")
                                    .json()
                                    .path("components")
                                    .path("redis")
                                    .path("status")
                                    .asString())
                            .isEqualTo("UP");
                    assertThat(metric("users_redis_available")).isEqualTo(1);
                });
        double hits = metric("users_cache_requests_total{result=\"hit\"}");
        assertThat(me(session).text("name")).isEqualTo("Written while down");
        assertThat(me(session).text("name")).isEqualTo("Written while down");
        assertThat(metric("users_cache_requests_total{result=\"hit\"}")).isGreaterThan(hits);
    }

    @Test
    void anEvictionLostWhileRedisWasDownIsReplayedBeforeRedisIsReadAgain() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        me(session);
        assertThat(me(session).text("name")).isEqualTo("Test User"); // cached now
        String key = guard.key(UserChanges.key(session.userId()));
        assertThat(REDIS.get(key)).startsWith("v:");

        // Redis dies holding the old name in its snapshot: the write's eviction cannot reach it, so it
        // is lost (not queued), and Redis comes back serving the old name unless the eviction is replayed.
        REDIS.crashKeepingSnapshot();
        assertThat(api.put("/api/users/me", Map.of("name", "Changed while down"), "Authorization", session.bearer())
                        .status())
                .isEqualTo(200);
        REDIS.start();
        assertThat(REDIS.get(key))
                .as("the stale entry is back in Redis")
                .startsWith("v:")
                .contains("\"Test User\"");

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(me(session).text("name")).isEqualTo("Changed while down");
                    assertThat(metric("users_redis_available")).isEqualTo(1);
                });
        // Redis is read again, and what it holds now is the write's tombstone or the new name.
        assertThat(REDIS.get(key)).doesNotContain("Test User");
        double hits = metric("users_cache_requests_total{result=\"hit\"}");
        assertThat(me(session).text("name")).isEqualTo("Changed while down");
        assertThat(me(session).text("name")).isEqualTo("Changed while down");
        assertThat(metric("users_cache_requests_total{result=\"hit\"}")).isGreaterThan(hits);
    }

    private HttpTestClient.Response me(TestUsers.Session session) {
        HttpTestClient.Response response = api.get("/api/users/me", "Authorization", session.bearer());
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private double metric(String series) {
        return api.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }

    private static boolean ping() {
        try {
            return "+PONG".equals(REDIS.command("PING"));
        } catch (Exception e) {
            return false;
        }
    }

    private static PrivateRedis startRedis() {
        try {
            PrivateRedis redis = new PrivateRedis();
            redis.start();
            return redis;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
