package dev.bazaar.payment;

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
 * payment-service started as production starts it: without the {@code local} profile neither the database
 * password, the internal token nor the PSP's webhook secret has a default. Each missing one stops the start
 * with a report naming the setting and its environment variable; with all three (a database account made for
 * this test) it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSecretsIntegrationTests {

    @RegisterExtension
    static final ProductionStart production = ProductionStart.of(PaymentServiceApplication.class)
            .withServers(LocalServer.KAFKA)
            .withDatabaseAccount();

    static final String INTERNAL_TOKEN = "--bazaar.payments.internal-token=a-production-token";
    static final String WEBHOOK_SECRET = "--bazaar.payments.psp.webhook-secret=a-production-secret";

    @Test
    void withoutTheLocalProfileAnEmptyDatabasePasswordStopsTheStart(CapturedOutput output) {
        production.assertRefusedFor(
                output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD", INTERNAL_TOKEN, WEBHOOK_SECRET);
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        // order-service's calls to /internal/** are checked against it.
        Throwable failure = production.assertBindingRefused(
                output,
                "bazaar.payments.internalToken",
                "BAZAAR_INTERNAL_TOKEN",
                production.databasePassword(),
                WEBHOOK_SECRET);
        assertThat(failure).hasStackTraceContaining("bazaar.payments");
    }

    @Test
    void withoutTheLocalProfileAMissingWebhookSecretStopsTheStart(CapturedOutput output) {
        // Without it no webhook could be verified: every capture would wait for the status API.
        Throwable failure = production.assertBindingRefused(
                output,
                "bazaar.payments.psp.webhookSecret",
                "BAZAAR_PSP_WEBHOOK_SECRET",
                production.databasePassword(),
                INTERNAL_TOKEN);
        assertThat(failure).hasStackTraceContaining("bazaar.payments");
    }

    @Test
    void withTheSecretsSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app =
                production.start(production.databasePassword(), INTERNAL_TOKEN, WEBHOOK_SECRET)) {
            assertStartedWithoutLocalProfile(app);
            PaymentProperties properties = app.getBean(PaymentProperties.class);
            assertThat(properties.internalToken()).isEqualTo("a-production-token");
            assertThat(properties.psp().webhookSecret()).isEqualTo("a-production-secret");
        }
    }
}
