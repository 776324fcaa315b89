package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document: the platform's conventions, the shopper's read behind a JWT, the PSP's webhook public
 * (its HMAC signature is the credential), and neither {@code /internal/**} nor the simulator listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void documentsThePublicApi() {
        ApiDocument doc = ApiDocument.fetch(port)
                .assertPlatformConventions("payment-service")
                .assertBearerScheme()
                .assertOperations("GET /api/payments/orders/{orderId}", "POST /api/payments/webhooks/psp")
                .assertProblemResponse("GET /api/payments/orders/{orderId}", 404)
                .assertProblemResponse("GET /api/payments/orders/{orderId}", 401);
        assertThat(doc.securityOf("GET /api/payments/orders/{orderId}")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.securityOf("POST /api/payments/webhooks/psp")).isEmpty();
        assertThat(doc.openApi().getPaths().keySet())
                .noneMatch(path -> path.startsWith("/internal") || path.startsWith("/psp-simulator"));
    }
}
