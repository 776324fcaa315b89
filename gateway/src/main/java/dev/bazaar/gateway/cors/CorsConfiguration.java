package dev.bazaar.gateway.cors;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS is answered by the gateway alone (through Spring Security's CORS filter, so a preflight needs
 * no token). Tokens travel in the Authorization header, never in cookies, so credentials stay off.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "Idempotency-Key",
                "X-Request-Id",
                "X-Api-Key",
                "X-Cart-Token"));
        // X-Cart-Token: a guest's first add answers its cart token in it (cart-service).
        cors.setExposedHeaders(
                List.of("X-Request-Id", "Retry-After", "Location", "X-RateLimit-Remaining", "X-Cart-Token"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
