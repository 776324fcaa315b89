package dev.bazaar.gateway.security;

import dev.bazaar.starter.security.RolesClaimConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may call what, decided once at the edge. Tokens are RS256 JWTs verified against user-service's
 * JWKS ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}); the services verify them again
 * (defence in depth), so the Authorization header travels on unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    /**
     * Reads of the catalogue, search, delivery promises, recommendations and trending items: the storefront shows
     * them before login (recommendation-service serves a signed-in shopper their own when a token is sent).
     */
    static final String[] PUBLIC_GETS = {
        "/api/search/**",
        "/api/items/**",
        "/api/serviceability/**",
        "/api/logistics/pincodes/**",
        "/api/recommendations/**",
        "/api/trending/**"
    };

    /** Reads sent as POST because of their body size, the calls that obtain or drop a token (refresh and
     * logout carry a refresh token in the body, checked by user-service), and the PSP's webhooks (signed with
     * HMAC, checked by payment-service: a PSP has no Bazaar token). */
    static final String[] PUBLIC_POSTS = {
        "/api/users/register",
        "/api/users/login",
        "/api/users/refresh",
        "/api/users/logout",
        "/api/items/bulk-get",
        "/api/serviceability/batch",
        "/api/payments/webhooks/**"
    };

    static final String[] ALWAYS_PUBLIC = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
    };

    /** The Swagger UI (/ redirects to it) and the API documents it reads, the services' ones included. */
    static final String[] API_DOCS = {
        "/", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"
    };

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http, ProblemSecurityHandlers problems, TokenKeysUnavailableHandler keysUnavailable) {
        var jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: every request carries its token; nothing is stored between requests.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        // Only reachable as the circuit breakers' internal forward, never from outside.
                        .pathMatchers("/fallback", "/fallback/**")
                        .denyAll()
                        .pathMatchers(ALWAYS_PUBLIC)
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, API_DOCS)
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_GETS)
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, PUBLIC_POSTS)
                        .permitAll()
                        // Guest carts: cart-service takes an X-Cart-Token instead of a JWT and answers 401
                        // itself when there is neither; a bearer token that is sent is still checked here.
                        .pathMatchers("/api/cart", "/api/cart/**")
                        .permitAll()
                        // Suppliers authenticate with X-Api-Key at inbound-service, not with a user JWT.
                        .pathMatchers("/api/supplier/**")
                        .permitAll()
                        .pathMatchers("/api/ops/**")
                        .hasRole("OPS")
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
                        .authenticationEntryPoint(problems)
                        // A token that could not be checked (JWKS unreachable) is a 503, not a 401 or a 500.
                        .authenticationFailureHandler(keysUnavailable)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
