package dev.bazaar.search;

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
 * search-service started as production starts it: without the {@code local} profile there is no
 * development internal token (the one user-service's /internal/** endpoints would accept). Without
 * BAZAAR_INTERNAL_TOKEN the start stops with a report naming the setting; with it the service starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production =
            ProductionStart.of(SearchApplication.class).withServers(LocalServer.ELASTICSEARCH, LocalServer.KAFKA);

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        // The binder's report names the record component (internal-token in application.yml).
        Throwable failure =
                production.assertBindingRefused(output, "bazaar.search.users.internalToken", "BAZAAR_INTERNAL_TOKEN");
        assertThat(failure).hasStackTraceContaining("bazaar.search");
    }

    @Test
    void withTheInternalTokenSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app =
                production.start("--bazaar.search.users.internal-token=a-production-token")) {
            assertStartedWithoutLocalProfile(app);
            assertThat(app.getBean(SearchProperties.class).users().internalToken())
                    .isEqualTo("a-production-token");
        }
    }
}
