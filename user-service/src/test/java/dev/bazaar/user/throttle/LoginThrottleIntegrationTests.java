package dev.bazaar.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The in-service login throttle. Client IPs come from X-Forwarded-For, which Tomcat believes here
 * because the test client connects from loopback (an internal proxy address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class LoginThrottleIntegrationTests {

    @LocalServerPort
    int port;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    @Test
    void aHundredFailedLoginsFromOneIpInAMinuteGet429() {
        TestUsers.Session victim = TestUsers.newUser(api);
        String ip = "203.0.113.7";
        for (int i = 0; i < 100; i++) {
            // Credential stuffing: a different account each time, so only the per-IP limit can trip.
            HttpTestClient.Response failed = login("stuffed" + i + "@example.com", "wrong-password-1", ip);
            assertThat(failed.status()).as("attempt " + (i + 1)).isEqualTo(401);
        }
        HttpTestClient.Response blocked = login(victim.email(), TestUsers.PASSWORD, ip);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.text("type")).endsWith("/too-many-login-attempts");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        // Other clients are not affected.
        assertThat(login(victim.email(), TestUsers.PASSWORD, "198.51.100.20").status())
                .isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).contains("users_logins_total{outcome=\"throttled\"}");
    }

    @Test
    void oneAccountIsThrottledAfterTenFailuresFromAnywhere() {
        TestUsers.Session victim = TestUsers.newUser(api);
        for (int i = 0; i < 10; i++) {
            assertThat(login(victim.email(), "guess-number-" + i, "192.0.2." + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(login(victim.email(), TestUsers.PASSWORD, "192.0.2.200").status())
                .isEqualTo(429);
        assertThat(login("other-" + UUID.randomUUID() + "@example.com", "whatever-123", "192.0.2.201")
                        .status())
                .isEqualTo(401);
    }

    private HttpTestClient.Response login(String email, String password, String ip) {
        return api.post("/api/users/login", Map.of("email", email, "password", password), "X-Forwarded-For", ip);
    }
}
