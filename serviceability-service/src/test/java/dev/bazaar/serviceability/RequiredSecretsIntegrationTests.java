package dev.bazaar.serviceability;

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
 * serviceability-service started as production starts it: without the {@code local} profile the local MariaDB's
 * empty password is no default. An empty database password stops the start, before any connection,
 * with a report naming the setting and BAZAAR_MARIADB_PASSWORD; with a password (an account made for
 * this test) it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    static final IsolatedNames NAMES = IsolatedNames.forTestClass(RequiredSecretsIntegrationTests.class);
    static MariaDbAccount account;

    @BeforeAll
    static void account() {
        LocalServer.REDIS.requireReachable();
        LocalServer.KAFKA.requireReachable();
        account = MariaDbAccount.create(NAMES);
    }

    @AfterAll
    static void dropAccount() {
        account.close();
    }

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start())
                .hasStackTraceContaining(
                        "spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD)");
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "The required setting spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD)")
                .contains("Set BAZAAR_MARIADB_PASSWORD, or run with --spring.profiles.active=local");
    }

    @Test
    void withTheDatabasePasswordSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = start("--spring.datasource.password=" + account.password())) {
            assertThat(app.isRunning()).isTrue();
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            // None of the local profile's development values (demo switch, empty password) is there.
            assertThat(app.getEnvironment().getPropertySources().contains("bazaarLocalProfile"))
                    .isFalse();
            assertThat(app.getEnvironment().getProperty("bazaar.serviceability.demo.enabled", Boolean.class))
                    .isFalse();
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
                "--bazaar.redis.key-prefix=" + NAMES.redisKeyPrefix(),
                "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                "--bazaar.kafka.topic-prefix=" + NAMES.topicPrefix()));
        args.addAll(List.of(secrets));
        return new SpringApplicationBuilder(ServiceabilityApplication.class).run(args.toArray(String[]::new));
    }
}
