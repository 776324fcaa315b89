package dev.bazaar.starter.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code bazaar-defaults.properties}) with the lowest precedence, so
 * every service starts with the same conventions (JSON on Kafka, problem+json, metrics, JSON logs)
 * and any service, profile or environment variable can still override a single value.
 */
public class BazaarDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "bazaarDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var defaults = new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("bazaar-defaults.properties"));
            environment.getPropertySources().addLast(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException("bazaar-defaults.properties is missing from bazaar-starter", e);
        }
    }
}
