package dev.bazaar.gateway.security;

import static dev.bazaar.gateway.support.EchoBackends.receivedHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bazaar.gateway.support.EchoBackends;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Who gets through, and with which identity headers, over real HTTP to real backends. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers(LocalServer.REDIS)
class GatewaySecurityIntegrationTests {

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

    @ParameterizedTest
    @CsvSource({"/api/users/register", "/api/users/login", "/api/users/refresh", "/api/users/logout"})
    void tokenEndpointsArePublicAndReachUserService(String path) {
        var response = gateway.post(path, "{\"email\":\"a@b.dev\",\"password\":\"secret-123\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap())
                .containsEntry("backend", "users")
                .containsEntry("method", "POST")
                .containsEntry("path", path)
                .containsEntry("body", "{\"email\":\"a@b.dev\",\"password\":\"secret-123\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/search?q=phone, search",
        "GET, /api/search/suggest?q=ph, search",
        "GET, /api/items/0f7c, items",
        "POST, /api/items/bulk-get, items",
        "GET, /api/items/0f7c/similar, recommendations",
        "GET, /api/recommendations, recommendations",
        "GET, /api/recommendations?category=Books, recommendations",
        "GET, /api/trending?report=most-bought, recommendations",
        "GET, /api/serviceability?itemId=0f7c&pincode=560001, serviceability",
        "POST, /api/serviceability/batch, serviceability",
        "GET, /api/logistics/pincodes/560001, serviceability",
        "POST, /api/supplier/catalog, inbound",
        "GET, /api/supplier/imports/42, inbound",
        "GET, /api/cart, cart",
        "POST, /api/cart/items, cart",
        "PATCH, /api/cart/items/0f7c, cart",
        "DELETE, /api/cart, cart",
        "POST, /api/cart/merge, cart",
        "POST, /api/payments/webhooks/psp, payments"
    })
    void publicRoutesPassAnonymously(String method, String path, String backend) {
        var response = gateway.sendJson(method, path, method.equals("POST") ? "{}" : null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap()).containsEntry("backend", backend).containsEntry("method", method);
        assertThat(receivedHeader(response, "X-User-Id")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/users/me",
        "PUT, /api/users/me",
        "GET, /api/wishlist",
        "POST, /api/orders",
        "GET, /api/orders/1",
        "POST, /api/recommendations",
        "POST, /api/items/0f7c/similar",
        "PUT, /api/items/0f7c",
        "DELETE, /api/items/0f7c",
        "POST, /api/search",
        "GET, /api/ops/orders/1",
        "GET, /api/payments/orders/1",
        "POST, /api/payments/orders/1"
    })
    void everythingElseNeedsAToken(String method, String path) {
        var response = gateway.sendJson(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonMap())
                .containsEntry("type", "https://bazaar.dev/problems/unauthorized")
                .containsEntry("status", 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/users/me, users",
        "/api/users/me/addresses, users",
        "/api/cart, cart",
        "/api/wishlist, wishlist",
        "/api/orders, orders",
        "/api/seller/orders, orders",
        "/api/notifications, notifications",
        "/api/recommendations?category=x, recommendations",
        "/api/trending?report=most-bought, recommendations",
        "/api/logistics/lanes, serviceability",
        "/api/payments/orders/1, payments"
    })
    void aSignedInUserReachesTheOwningService(String path, String backend) {
        var response = gateway.get(path, "Authorization", TestJwts.bearer("user-42", "CUSTOMER"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap()).containsEntry("backend", backend);
    }

    @Test
    void identityOfAVerifiedTokenGoesDownstreamWithTheTokenItself() {
        String bearer = TestJwts.bearer("user-42", "CUSTOMER", "SELLER");

        var response = gateway.get("/api/users/me", "Authorization", bearer);

        assertThat(receivedHeader(response, "X-User-Id")).isEqualTo("user-42");
        assertThat(receivedHeader(response, "X-User-Roles")).isEqualTo("CUSTOMER,SELLER");
        assertThat(receivedHeader(response, "Authorization")).isEqualTo(bearer);
    }

    @Test
    void identityHeadersSentByAClientAreReplaced() {
        var response = gateway.get(
                "/api/cart",
                "Authorization",
                TestJwts.bearer("user-42", "CUSTOMER"),
                "X-User-Id",
                "someone-else",
                "x-user-roles",
                "OPS",
                "X-User-Email",
                "ops@bazaar.dev");

        assertThat(response.status()).isEqualTo(200);
        assertThat(receivedHeader(response, "X-User-Id")).isEqualTo("user-42");
        assertThat(receivedHeader(response, "X-User-Roles")).isEqualTo("CUSTOMER");
        assertThat(receivedHeader(response, "X-User-Email")).isNull();
    }

    @Test
    void identityHeadersSentByAnAnonymousClientAreDropped() {
        var response = gateway.get("/api/search?q=phone", "X-User-Id", "user-1", "X-User-Roles", "OPS");

        assertThat(response.status()).isEqualTo(200);
        assertThat(receivedHeader(response, "X-User-Id")).isNull();
        assertThat(receivedHeader(response, "X-User-Roles")).isNull();
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = TestJwts.token("user-42", Instant.now().minusSeconds(300), "CUSTOMER");

        assertRejectedAsInvalid(gateway.get("/api/users/me", "Authorization", "Bearer " + expired));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("user-42", "OPS"));
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        assertRejectedAsInvalid(gateway.get("/api/ops/orders/1", "Authorization", "Bearer " + forged.serialize()));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        String payload = Base64URL.encode(claims("user-42", "OPS").toString().getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRejectedAsInvalid(
                gateway.get("/api/users/me", "Authorization", "Bearer " + header + "." + payload + "."));
    }

    @Test
    void aValidSignatureOverATamperedPayloadIsRejected() {
        String[] parts = TestJwts.token("user-42", Instant.now().plusSeconds(600), "CUSTOMER")
                .split("\\.");
        String escalated = Base64URL.encode(claims("user-42", "OPS").toString().getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRejectedAsInvalid(gateway.get(
                "/api/ops/orders/1", "Authorization", "Bearer " + parts[0] + "." + escalated + "." + parts[2]));
    }

    @ParameterizedTest
    @CsvSource({"Bearer not-a-jwt", "Bearer a.b.c", "Bearer "})
    void malformedBearerTokensAreRejected(String authorization) {
        var response = gateway.get("/api/users/me", "Authorization", authorization);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBadTokenIsRejectedEvenOnAPublicRoute() {
        String expired = TestJwts.token("user-42", Instant.now().minusSeconds(300));

        assertRejectedAsInvalid(gateway.get("/api/search?q=phone", "Authorization", "Bearer " + expired));
    }

    @Test
    void aBadTokenIsRejectedOnTheGuestCartRoutesToo() {
        String expired = TestJwts.token("user-42", Instant.now().minusSeconds(300));

        assertRejectedAsInvalid(gateway.get("/api/cart", "Authorization", "Bearer " + expired));
        assertRejectedAsInvalid(gateway.post("/api/cart/merge", "{}", "Authorization", "Bearer " + expired));
    }

    @Test
    void opsPathsNeedTheOpsRole() {
        var customer = gateway.get("/api/ops/logistics/lanes", "Authorization", TestJwts.bearer("user-42", "CUSTOMER"));
        var anonymous = gateway.get("/api/ops/logistics/lanes");

        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.contentType()).startsWith("application/problem+json");
        assertThat(customer.jsonMap()).containsEntry("type", "https://bazaar.dev/problems/forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/ops/logistics/lanes, serviceability",
        "/api/ops/suppliers/s-1/api-keys, inbound",
        "/api/ops/users/u-1/roles, users",
        "/api/ops/orders/1, orders",
        "/api/ops/reconciliation, orders",
        "/api/ops/archival/runs, orders",
        "/api/ops/notifications/dead-letters, notifications",
        "/api/ops/inventory/items/1, inventory"
    })
    void opsPathsGoToTheOwningService(String path, String backend) {
        var response = gateway.get(path, "Authorization", TestJwts.bearer("ops-1", "OPS"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap())
                .containsEntry("backend", backend)
                .containsEntry("path", path.replaceAll("\\?.*", ""));
        assertThat(receivedHeader(response, "X-User-Roles")).isEqualTo("OPS");
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        var response = gateway.get("/api/nothing-here", "Authorization", TestJwts.bearer("user-42", "CUSTOMER"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonMap())
                .containsEntry("type", "https://bazaar.dev/problems/not-found")
                .containsEntry("instance", "/api/nothing-here");
    }

    @Test
    void theCircuitBreakerFallbackCannotBeCalledFromOutside() {
        var response = gateway.get("/fallback", "Authorization", TestJwts.bearer("ops-1", "OPS"));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void healthIsPublic() {
        assertThat(gateway.get("/actuator/health").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
        "users",
        "items",
        "inbound",
        "search",
        "serviceability",
        "search-consumer",
        "cart",
        "wishlist",
        "inventory",
        "orders",
        "payments",
        "notifications",
        "recommendations"
    })
    void eachServicesApiDocumentIsProxiedWithoutAToken(String backend) {
        var response = gateway.get("/v3/api-docs/" + backend);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.jsonMap())
                .containsEntry("backend", backend)
                .containsEntry("method", "GET")
                .containsEntry("path", "/v3/api-docs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSwaggerUiListsEveryServicesDocumentAndTheGatewaysOwn() {
        var response = gateway.get("/v3/api-docs/swagger-config");

        assertThat(response.status()).isEqualTo(200);
        var urls = (List<Map<String, String>>) response.jsonMap().get("urls");
        assertThat(urls)
                .extracting(url -> url.get("url"))
                .containsExactlyInAnyOrder(
                        "/v3/api-docs/users",
                        "/v3/api-docs/items",
                        "/v3/api-docs/inbound",
                        "/v3/api-docs/search",
                        "/v3/api-docs/serviceability",
                        "/v3/api-docs/search-consumer",
                        "/v3/api-docs/cart",
                        "/v3/api-docs/wishlist",
                        "/v3/api-docs/inventory",
                        "/v3/api-docs/orders",
                        "/v3/api-docs/payments",
                        "/v3/api-docs/notifications",
                        "/v3/api-docs/recommendations",
                        "/v3/api-docs");
        ApiDocument own = ApiDocument.parse(gateway.get("/v3/api-docs").body());
        assertThat(own.openApi().getInfo().getTitle()).isEqualTo("gateway");
        assertThat(own.openApi().getInfo().getVersion()).isNotBlank().doesNotContain("@");
        own.assertOperations("GET /actuator/health");
    }

    @Test
    void theRootLeadsToTheSwaggerUiWithoutAToken() {
        var response = gateway.get("/");
        for (int hop = 0; hop < 3 && response.status() / 100 == 3; hop++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response =
                    gateway.get(URI.create("http://gateway/").resolve(location).getRawPath());
        }

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("swagger-ui");
    }

    private static void assertRejectedAsInvalid(HttpTestClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    private static JWTClaimsSet claims(String subject, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("bazaar-test")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of(roles))
                .build();
    }
}
