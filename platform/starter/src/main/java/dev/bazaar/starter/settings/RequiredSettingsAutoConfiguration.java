package dev.bazaar.starter.settings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Start-up checks of the secrets a service cannot run without (see {@link DataSourcePasswordCheck}). */
@AutoConfiguration
public class RequiredSettingsAutoConfiguration {

    /** Static: a bean factory post-processor runs before this configuration class is created. */
    @Bean
    static DataSourcePasswordCheck bazaarDataSourcePasswordCheck() {
        return new DataSourcePasswordCheck();
    }
}
