package dev.bazaar.gateway.security;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Puts {@link CachingJwtDecoder} in front of whichever JWT decoder the context has (JWKS in production),
 * with {@link KeysUnavailableJwtDecoder} between them so a failure to fetch the keys is a 503, not a 500.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokenCacheConfiguration {

    @Bean
    static BeanPostProcessor verifiedTokenCache(VerifiedTokenCacheProperties properties) {
        long maximumTokens = properties.maximumTokens();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(
                                new KeysUnavailableJwtDecoder(decoder), maximumTokens, Clock.systemUTC())
                        : bean;
            }
        };
    }
}
