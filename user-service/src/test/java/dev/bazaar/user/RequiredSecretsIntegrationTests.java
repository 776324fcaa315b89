package dev.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.MariaDbAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * user-service started as production starts it: without the {@code local} profile there is no
 * development secret to fall back on. A missing database password or internal token stops the start
 * with a report naming the setting and its environment variable; with both set it starts, without
 * the demo accounts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    static final IsolatedNames NAMES = IsolatedNames.forTestClass(RequiredSecretsIntegrationTests.class);
    static MariaDbAccount account;

    @BeforeAll
    static void account() {
        LocalServer.REDIS.requireReachable();
        account = MariaDbAccount.create(NAMES);
    }

    @AfterAll
    static void dropAccount() {
        account.close();
    }

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("--bazaar.users.internal-token=a-token"))
                .hasStackTraceContaining(
                        "spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD)");
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "The required setting spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD)")
                .contains("Set BAZAAR_MARIADB_PASSWORD, or run with --spring.profiles.active=local");
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.password=" + account.password()))
                .hasStackTraceContaining("bazaar.users");
        assertThat(output.getOut() + output.getErr())
                // The binder's report names the record component (internal-token in application.yml).
                .contains("Property: bazaar.users.internalToken")
                .contains("is not set (environment variable BAZAAR_INTERNAL_TOKEN)");
    }

    @Test
    void withItsSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = start(
                "--spring.datasource.password=" + account.password(),
                "--bazaar.users.internal-token=a-production-token")) {
            assertThat(app.isRunning()).isTrue();
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(app.getBean(UsersProperties.class).internalToken()).isEqualTo("a-production-token");
            // None of the local profile's development values (internal token, demo switch) is there.
            assertThat(app.getEnvironment().getPropertySources().contains("bazaarLocalProfile"))
                    .isFalse();
            assertThat(app.getBean(UsersProperties.class).demo().enabled()).isFalse();
            assertThat(app.containsBean("demoUsers")).isFalse();
        }
    }

    /** Each refusal stands for a start where the secrets' environment variables are not set. */
    @BeforeAll
    static void secretsAreNotInThisEnvironment() {
        assertThat(System.getenv("BAZAAR_MARIADB_PASSWORD"))
                .as("BAZAAR_MARIADB_PASSWORD in the test environment")
                .isNull();
        assertThat(System.getenv("BAZAAR_INTERNAL_TOKEN"))
                .as("BAZAAR_INTERNAL_TOKEN in the test environment")
                .isNull();
    }

    private static ConfigurableApplicationContext start(String... secrets) {
        List<String> args = new ArrayList<>(List.of(
                // The service's own application.yml only: not the test classpath's application.properties.
                "--spring.config.location=classpath:/application.yml",
                "--server.port=0",
                "--logging.structured.format.console=",
                "--spring.datasource.url=" + account.jdbcUrl(),
                "--spring.datasource.username=" + account.user(),
                "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                "--bazaar.redis.key-prefix=" + NAMES.redisKeyPrefix()));
        args.addAll(List.of(secrets));
        return new SpringApplicationBuilder(UserServiceApplication.class).run(args.toArray(String[]::new));
    }
}
