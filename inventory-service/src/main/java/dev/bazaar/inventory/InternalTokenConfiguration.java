package dev.bazaar.inventory;

import dev.bazaar.starter.security.InternalTokenGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /internal/**} (the reservations for order-service) needs {@code bazaar.inventory.internal-token}. */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

    @Bean
    InternalTokenGuard internalTokenGuard(InventoryProperties properties) {
        return new InternalTokenGuard(properties.internalToken());
    }
}
