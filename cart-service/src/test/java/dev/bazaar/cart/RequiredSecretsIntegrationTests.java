package dev.bazaar.cart;

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
 * cart-service started as production starts it: without the {@code local} profile the local MariaDB's
 * empty password is no default. An empty database password stops the start, before any connection,
 * with a report naming the setting and BAZAAR_MARIADB_PASSWORD; with a password (an account made for
 * this test) it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(CartServiceApplication.class)
            .withServers(LocalServer.KAFKA)
            .withDatabaseAccount();

    static final String INTERNAL_TOKEN = "--bazaar.cart.users.internal-token=a-production-token";

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD", INTERNAL_TOKEN);
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        // The default-address read for delivery ETAs needs user-service's internal token.
        Throwable failure = production.assertBindingRefused(
                output, "bazaar.cart.users.internalToken", "BAZAAR_INTERNAL_TOKEN", production.databasePassword());
        assertThat(failure).hasStackTraceContaining("bazaar.cart");
    }

    @Test
    void withTheSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = production.start(production.databasePassword(), INTERNAL_TOKEN)) {
            assertStartedWithoutLocalProfile(app);
            assertThat(app.getBean(CartProperties.class).users().internalToken())
                    .isEqualTo("a-production-token");
        }
    }
}
