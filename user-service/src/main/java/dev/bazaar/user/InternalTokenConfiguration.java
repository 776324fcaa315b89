package dev.bazaar.user;

import dev.bazaar.starter.security.InternalTokenGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /internal/**} (addresses for search-, cart- and order-service) needs {@code bazaar.users.internal-token}. */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

    @Bean
    InternalTokenGuard internalTokenGuard(UsersProperties properties) {
        return new InternalTokenGuard(properties.internalToken());
    }
}
