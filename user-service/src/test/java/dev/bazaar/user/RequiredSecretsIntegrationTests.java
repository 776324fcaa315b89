package dev.bazaar.user;

import static dev.bazaar.testing.ProductionStart.assertStartedWithoutLocalProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ProductionStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(UserServiceApplication.class)
            .withServers(LocalServer.REDIS)
            .withDatabaseAccount();

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(
                output,
                "spring.datasource.password",
                "BAZAAR_MARIADB_PASSWORD",
                "--bazaar.users.internal-token=a-token");
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        // The binder's report names the record component (internal-token in application.yml).
        Throwable failure = production.assertBindingRefused(
                output, "bazaar.users.internalToken", "BAZAAR_INTERNAL_TOKEN", production.databasePassword());
        assertThat(failure).hasStackTraceContaining("bazaar.users");
    }

    @Test
    void withItsSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app =
                production.start(production.databasePassword(), "--bazaar.users.internal-token=a-production-token")) {
            assertStartedWithoutLocalProfile(app);
            assertThat(app.getBean(UsersProperties.class).internalToken()).isEqualTo("a-production-token");
            // None of the local profile's development values (internal token, demo switch) is there.
            assertThat(app.getBean(UsersProperties.class).demo().enabled()).isFalse();
            assertThat(app.containsBean("demoUsers")).isFalse();
        }
    }
}
