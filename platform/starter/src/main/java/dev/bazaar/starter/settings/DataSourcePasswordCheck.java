package dev.bazaar.starter.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * A service with a database must be given its password ({@code spring.datasource.password}, which
 * every service maps from {@code BAZAAR_MARIADB_PASSWORD}): outside the {@code local} profile an
 * empty one is refused before any bean (and so any connection attempt) is created, instead of a
 * production instance logging in without a password or failing later with "Access denied".
 * The local MariaDB's root has no password, which is why only the local profile accepts none.
 */
class DataSourcePasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String PROPERTY = "spring.datasource.password";
    static final String VARIABLE = "BAZAAR_MARIADB_PASSWORD";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of(LocalProfileEnvironmentPostProcessor.PROFILE))
                || !environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String password = environment.getProperty(PROPERTY, "");
        if (password.isBlank()) {
            throw new MissingSettingException(PROPERTY, VARIABLE);
        }
    }
}
