package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

    static final IsolatedNames NAMES = IsolatedNames.forTestClass(RequiredSecretsIntegrationTests.class);

    @BeforeAll
    static void servers() {
        LocalServer.ELASTICSEARCH.requireReachable();
        LocalServer.KAFKA.requireReachable();
    }

    @Test
    void withoutTheLocalProfileAMissingInternalTokenStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start()).hasStackTraceContaining("bazaar.search");
        assertThat(output.getOut() + output.getErr())
                // The binder's report names the record component (internal-token in application.yml).
                .contains("Property: bazaar.search.users.internalToken")
                .contains("is not set (environment variable BAZAAR_INTERNAL_TOKEN)");
    }

    @Test
    void withTheInternalTokenSetItStartsWithoutTheLocalProfile() {
        try (ConfigurableApplicationContext app = start("--bazaar.search.users.internal-token=a-production-token")) {
            assertThat(app.isRunning()).isTrue();
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(app.getBean(SearchProperties.class).users().internalToken())
                    .isEqualTo("a-production-token");
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
                "--spring.elasticsearch.uris=http://" + LocalServer.ELASTICSEARCH.address(),
                "--bazaar.elasticsearch.index-prefix=" + NAMES.indexPrefix(),
                "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                "--bazaar.kafka.topic-prefix=" + NAMES.topicPrefix()));
        args.addAll(List.of(secrets));
        return new SpringApplicationBuilder(SearchApplication.class).run(args.toArray(String[]::new));
    }
}
