package dev.bazaar.starter.apidocs;

import dev.bazaar.starter.security.PublicPaths;
import dev.bazaar.starter.security.SecurityProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * OpenAPI documents of servlet services (springdoc, {@code GET /v3/api-docs}), on when the service brings
 * {@code springdoc-openapi-starter-webmvc-api}: titled with {@code spring.application.name}, versioned
 * with the platform's build, and completed by {@link PlatformApiDocs} (problem+json errors, bearer JWT).
 */
@AutoConfiguration(beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    /** The one server is relative: "Try it out" then calls the host that served the document, which is
     * the gateway when the Swagger UI fetched it there (/v3/api-docs/&lt;service&gt;), and the service
     * itself when fetched directly. Springdoc keeps servers declared here instead of guessing its own. */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI bazaarOpenApi(Environment environment) {
        return new OpenAPI()
                .info(new Info()
                        .title(environment.getProperty("spring.application.name", "bazaar"))
                        .version(platformVersion())
                        .description("Errors are RFC 9457 application/problem+json (schema Problem)."))
                .servers(List.of(new Server().url("/").description("where this document was fetched from")));
    }

    @Bean
    @ConditionalOnMissingBean(PlatformApiDocs.class)
    PlatformApiDocs platformApiDocsWithoutSecurity() {
        return new PlatformApiDocs(null);
    }

    // Mirrors the conditions of JwtSecurityAutoConfiguration: services that verify JWTs.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SecurityFilterChain.class, JwtAuthenticationConverter.class})
    @EnableConfigurationProperties(SecurityProperties.class)
    static class WithJwtSecurity {

        @Bean
        PlatformApiDocs platformApiDocs(SecurityProperties properties) {
            return new PlatformApiDocs(new PublicPaths(properties)::permits);
        }
    }

    static String platformVersion() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/bazaar/build.properties"))
                    .getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
