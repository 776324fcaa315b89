package dev.bazaar.starter.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The local profile's development values are there with the profile and only with it; a service
 * with a database refuses an empty password outside that profile, with a report naming the setting
 * and its environment variable.
 */
class RequiredSettingsTests {

    final ApplicationContextRunner withDatabase = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequiredSettingsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:13306/db");

    @Test
    void theLocalProfileAddsTheDevelopmentValuesBelowEverythingElse() {
        try (ConfigurableApplicationContext app = start(true, "--BAZAAR_DEMO=false")) {
            Environment environment = app.getEnvironment();
            assertThat(environment.getProperty("BAZAAR_INTERNAL_TOKEN")).isEqualTo("bazaar-local-internal-token");
            assertThat(environment.getProperty("BAZAAR_MARIADB_PASSWORD")).isEmpty();
            // A value set anywhere else (here a command-line argument, as an environment variable) wins.
            assertThat(environment.getProperty("BAZAAR_DEMO")).isEqualTo("false");
        }
    }

    @Test
    void withoutTheLocalProfileThereIsNoDevelopmentValue() {
        try (ConfigurableApplicationContext app = start(false)) {
            Environment environment = app.getEnvironment();
            assertThat(environment.getProperty("BAZAAR_INTERNAL_TOKEN")).isNull();
            assertThat(environment.getProperty("BAZAAR_MARIADB_PASSWORD")).isNull();
            assertThat(environment.getProperty("BAZAAR_DEMO")).isNull();
        }
    }

    @Test
    void anEmptyDatabasePasswordStopsTheStartOutsideTheLocalProfile() {
        withDatabase.withPropertyValues("spring.datasource.password=").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure)
                    .isInstanceOf(MissingSettingException.class)
                    .hasMessage("spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD)");
            FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription())
                    .startsWith(
                            "The required setting spring.datasource.password is not set (environment variable BAZAAR_MARIADB_PASSWORD).");
            assertThat(analysis.getAction())
                    .startsWith("Set BAZAAR_MARIADB_PASSWORD, or run with --spring.profiles.active=local");
        });
        withDatabase.run(context -> assertThat(context).getFailure().isInstanceOf(MissingSettingException.class));
    }

    @Test
    void aPasswordOrTheLocalProfileOrNoDatabaseLetsItStart() {
        withDatabase
                .withPropertyValues("spring.datasource.password=s3cret")
                .run(context -> assertThat(context).hasNotFailed());
        withDatabase
                .withPropertyValues("spring.profiles.active=local")
                .run(context -> assertThat(context).hasNotFailed());
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RequiredSettingsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static ConfigurableApplicationContext start(boolean local, String... args) {
        var builder = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE);
        if (local) {
            builder.profiles(LocalProfileEnvironmentPostProcessor.PROFILE);
        }
        return builder.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}
}
