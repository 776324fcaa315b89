package dev.bazaar.starter.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * With the {@code local} profile active, adds the platform's development values
 * ({@code bazaar-local.properties}: the internal token, the local MariaDB's empty password, the demo
 * switch) with the lowest precedence. They are named like the environment variables the services'
 * {@code application.yml} read, so one file serves every service and a real variable still wins.
 * Without the profile nothing is added: a production start has no development secret to fall back on.
 */
public class LocalProfileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "local";
    static final String SOURCE_NAME = "bazaarLocalProfile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("bazaar-local.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("bazaar-local.properties is missing from bazaar-starter", e);
        }
    }

    /** After the config data processor, which is what activates {@code spring.profiles.active}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
