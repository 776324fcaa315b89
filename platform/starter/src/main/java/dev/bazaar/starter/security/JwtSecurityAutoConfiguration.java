package dev.bazaar.starter.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defence in depth: every servlet service verifies the caller's JWT itself (RS256, keys from
 * user-service's JWKS at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}), even behind
 * the gateway. Roles become {@code ROLE_*} authorities for {@code @PreAuthorize("hasRole('OPS')")};
 * a service lists what anonymous callers may reach in {@code bazaar.security.public-paths}.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtAuthenticationConverter.class})
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class JwtSecurityAutoConfiguration {

    /** Tokens remembered as verified: a few MB at most, more than the shoppers active in any 5 minutes per instance. */
    private static final int VERIFIED_TOKENS = 20_000;

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain bazaarSecurityFilterChain(
            HttpSecurity http, SecurityProperties properties, JsonMapper json, ObjectProvider<JwtDecoder> decoders)
            throws Exception {
        var problems = new ProblemAuthenticationHandlers(json);
        var jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PublicPaths.ALWAYS.toArray(String[]::new))
                            .permitAll();
                    properties
                            .publicGetPaths()
                            .forEach(path -> requests.requestMatchers(HttpMethod.GET, path)
                                    .permitAll());
                    properties
                            .publicPaths()
                            .forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> {
                            jwt.jwtAuthenticationConverter(jwtConverter);
                            // Each token's signature checked once, not on every request (VerifiedTokens).
                            JwtDecoder decoder = decoders.getIfAvailable();
                            if (decoder != null) {
                                jwt.decoder(new VerifiedTokens(decoder, Clock.systemUTC(), VERIFIED_TOKENS));
                            }
                        })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Service-to-service calls ({@code /internal/**}, never routed by the gateway) carry the shared
     * {@code X-Internal-Token}, which {@link InternalTokenGuard} checks, and no JWT: they pass a chain of their
     * own, first, without the filters that serve browsers and JWTs (bearer token, anonymous, session, request
     * cache, logout, security headers, CSRF, exception translation, authorization). On the hot path of a
     * checkout (inventory's reserve, payment's create) those thirteen filters were the larger part of the
     * service's own CPU (ReserveBenchmark's profile). Only in services that declare the guard; declared after
     * the main chain, whose condition looks for any chain.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnBean(InternalTokenGuard.class)
    SecurityFilterChain bazaarInternalCallsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(InternalTokenGuard.PATHS)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.disable());
        return http.build();
    }

    /**
     * Spring Security's own observations are off (bazaar-defaults: {@code
     * management.observations.enable.spring.security=false}; the request's observation still covers the whole
     * request); with these settings its filter chain is not wrapped either, which otherwise puts a no-op
     * observation around every filter of every request.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AccessDeniedProblemHandler accessDeniedProblemHandler() {
        return new AccessDeniedProblemHandler();
    }
}
