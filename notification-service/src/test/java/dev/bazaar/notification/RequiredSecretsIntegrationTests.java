package dev.bazaar.notification;

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
 * notification-service started as production starts it: without the {@code local} profile an empty database
 * password and a missing internal token (for user-service's contact reads) each stop the start, naming the
 * setting and its variable; with both (a database account made for this test) it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(NotificationServiceApplication.class)
            .withServers(LocalServer.KAFKA)
            .withDatabaseAccount();

    static final String INTERNAL_TOKEN = "--bazaar.notifications.internal-token=a-production-token";

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD", INTERNAL_TOKEN);
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        Throwable failure = production.assertBindingRefused(
                output, "bazaar.notifications.internalToken", "BAZAAR_INTERNAL_TOKEN", production.databasePassword());
        assertThat(failure).hasStackTraceContaining("bazaar.notifications");
    }

    @Test
    void withTheSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = production.start(production.databasePassword(), INTERNAL_TOKEN)) {
            assertStartedWithoutLocalProfile(app);
            assertThat(app.getBean(NotificationProperties.class).internalToken())
                    .isEqualTo("a-production-token");
        }
    }
}
