package dev.bazaar.wishlist;

import static dev.bazaar.testing.ProductionStart.assertStartedWithoutLocalProfile;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ProductionStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * wishlist-service started as production starts it: without the {@code local} profile the local MariaDB's
 * empty password is no default. An empty database password stops the start, before any connection,
 * with a report naming the setting and BAZAAR_MARIADB_PASSWORD; with a password (an account made for
 * this test) it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(WishlistServiceApplication.class)
            .withServers(LocalServer.KAFKA)
            .withDatabaseAccount();

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD");
    }

    @Test
    void withTheDatabasePasswordSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = production.start(production.databasePassword())) {
            assertStartedWithoutLocalProfile(app);
        }
    }
}
