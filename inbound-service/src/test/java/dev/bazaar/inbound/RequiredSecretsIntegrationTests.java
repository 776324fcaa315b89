package dev.bazaar.inbound;

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
 * inbound-service started as production starts it: without the {@code local} profile the local MariaDB's
 * empty password is no default. An empty database password stops the start, before any connection,
 * with a report naming the setting and BAZAAR_MARIADB_PASSWORD; with a password (an account made for
 * this test) it starts, without the demo supplier.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(InboundApplication.class)
            .withServers(LocalServer.KAFKA)
            .withDatabaseAccount()
            .with("--bazaar.inbound.import.spool-dir=target/required-secrets-spool");

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD");
    }

    @Test
    void withTheDatabasePasswordSetItStartsWithoutTheLocalProfileOrTheDemoSupplier() {
        try (ConfigurableApplicationContext app = production.start(production.databasePassword())) {
            assertStartedWithoutLocalProfile(app);
            // The demo switch is the local profile's: no demo supplier (nor its API key file).
            assertThat(app.containsBean("demoSupplier")).isFalse();
        }
    }
}
