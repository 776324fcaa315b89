package dev.bazaar.gateway.edge;

import static dev.bazaar.gateway.support.EchoBackends.receivedHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.gateway.support.EchoBackends;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Request ids and CORS: what every answer of the gateway carries, whoever produced it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers(LocalServer.REDIS)
class EdgeHeadersIntegrationTests {

    static final String STOREFRONT = "https://shop.bazaar.test";

    @RegisterExtension
    static final EchoBackends backends = EchoBackends.forEveryRoute();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @LocalServerPort
    int port;

    HttpTestClient gateway;

    @BeforeEach
    void client() {
        gateway = HttpTestClient.local(port);
    }

    @Test
    void aRequestIdIsGeneratedWhenAbsentAndGoesBothWays() {
        var response = gateway.get("/api/search?q=phone");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(receivedHeader(response, "X-Request-Id")).isEqualTo(id);
    }

    @Test
    void theClientsRequestIdIsKept() {
        var response = gateway.get("/api/items/1", "X-Request-Id", "storefront-7f3a");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("storefront-7f3a");
        assertThat(receivedHeader(response, "X-Request-Id")).isEqualTo("storefront-7f3a");
    }

    @Test
    void aRequestIdThatIsNotAnIdIsReplaced() {
        var response = gateway.get("/api/items/1", "X-Request-Id", "x".repeat(65));

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(receivedHeader(response, "X-Request-Id")).isEqualTo(id);
    }

    @Test
    void answersTheGatewayGivesItselfCarryARequestId() {
        var response = gateway.get("/api/users/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aPreflightFromTheStorefrontNeedsNoToken() {
        var response = gateway.sendJson(
                "OPTIONS",
                "/api/cart/items",
                null,
                "Origin",
                STOREFRONT,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type,idempotency-key");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(STOREFRONT);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("POST");
        assertThat(response.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization")
                .contains("idempotency-key");
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        var response = gateway.sendJson(
                "OPTIONS",
                "/api/cart/items",
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aCrossOriginCallFromTheStorefrontMayReadTheRequestId() {
        var response = gateway.get(
                "/api/users/me", "Origin", STOREFRONT, "Authorization", TestJwts.bearer("user-42", "CUSTOMER"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(STOREFRONT);
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse(""))
                .contains("X-Request-Id");
    }

    @Test
    void aGuestsCartTokenMayBeSentAndReadCrossOrigin() {
        var preflight = gateway.sendJson(
                "OPTIONS",
                "/api/cart/items",
                null,
                "Origin",
                STOREFRONT,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "x-cart-token");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse(""))
                .containsIgnoringCase("X-Cart-Token");

        var response = gateway.get("/api/cart", "Origin", STOREFRONT, "X-Cart-Token", "t");
        assertThat(response.status()).as("a guest reaches cart-service").isEqualTo(200);
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse(""))
                .contains("X-Cart-Token");
    }
}
