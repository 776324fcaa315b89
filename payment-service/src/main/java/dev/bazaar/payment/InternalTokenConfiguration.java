package dev.bazaar.payment;

import dev.bazaar.starter.security.InternalTokenGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /internal/**} (the payments API for order-service) needs {@code bazaar.payments.internal-token}. */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

    @Bean
    InternalTokenGuard internalTokenGuard(PaymentProperties properties) {
        return new InternalTokenGuard(properties.internalToken());
    }
}
