package dev.bazaar.order;

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
 * order-service started as production starts it: without the {@code local} profile neither the MariaDB
 * password nor the internal token (for user-, inventory- and payment-service) has a default; each missing
 * one stops the start, naming its setting and variable. With both it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(OrderServiceApplication.class)
            .withServers(LocalServer.KAFKA, LocalServer.REDIS)
            .withDatabaseAccount();

    static final String INTERNAL_TOKEN = "--bazaar.orders.internal-token=a-production-token";

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD", INTERNAL_TOKEN);
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        Throwable failure = production.assertBindingRefused(
                output, "bazaar.orders.internalToken", "BAZAAR_INTERNAL_TOKEN", production.databasePassword());
        assertThat(failure).hasStackTraceContaining("bazaar.orders");
    }

    @Test
    void withTheSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = production.start(production.databasePassword(), INTERNAL_TOKEN)) {
            assertStartedWithoutLocalProfile(app);
            assertThat(app.getBean(OrderProperties.class).internalToken()).isEqualTo("a-production-token");
        }
    }
}
