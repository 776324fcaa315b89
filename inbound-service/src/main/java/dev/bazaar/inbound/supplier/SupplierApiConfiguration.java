package dev.bazaar.inbound.supplier;

import dev.bazaar.starter.apidocs.PlatformApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SupplierApiConfiguration {

    /** The supplier API: every path under it authenticates by API key. */
    static final String SUPPLIER_API = "/api/supplier/";

    static final String API_KEY_SCHEME = "supplierApiKey";

    /** Registered for the supplier API only: ops and actuator paths never see it. */
    @Bean
    FilterRegistrationBean<SupplierApiKeyFilter> supplierApiKeyFilter(ApiKeys apiKeys, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new SupplierApiKeyFilter(apiKeys, json));
        registration.addUrlPatterns(SUPPLIER_API + "*");
        return registration;
    }

    /** The API docs say so: the supplier operations require the X-Api-Key header, and answer 401 without it. */
    @Bean
    OpenApiCustomizer supplierApiKeyDocs() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            API_KEY_SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(SupplierApiKeyFilter.HEADER)
                                    .description(
                                            "A supplier's API key, issued by POST /api/ops/suppliers/{supplierId}/api-keys."));
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(SUPPLIER_API)) {
                    item.readOperations().forEach(operation -> {
                        operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY_SCHEME)));
                        PlatformApiDocs.addProblem(
                                operation,
                                401,
                                "The X-Api-Key header is missing, unknown or revoked (type invalid-api-key).");
                    });
                }
            });
        };
    }
}
