package dev.bazaar.recommendation.api;

import dev.bazaar.starter.apidocs.PlatformApiDocs;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /**
     * The reads are public, so the platform's customizer declares no 401 or 403 for them; they still answer a
     * bad token with 401, another user's recommendations with 403, and 503 when item-service is down.
     */
    @Bean
    OpenApiCustomizer recommendationProblemDocs() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations().forEach(operation -> {
                    PlatformApiDocs.addProblem(operation, 401, "A bearer token was sent and is not valid.");
                    PlatformApiDocs.addProblem(
                            operation,
                            503,
                            "item-service, which says which items are still sold, did not answer "
                                    + "(type catalog-unavailable).");
                    if (path.equals("/api/recommendations")) {
                        PlatformApiDocs.addProblem(
                                operation,
                                403,
                                "userId names another user (type not-your-recommendations); only OPS may.");
                    }
                });
            }
        });
    }
}
