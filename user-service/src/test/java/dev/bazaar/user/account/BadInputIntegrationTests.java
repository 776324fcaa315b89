package dev.bazaar.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint's bad input answers 4xx problem+json with a stable type (and field errors where fields are wrong). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    /** The API docs say which calls need a token and how errors look, as they do. */
    @Test
    void theApiDocsListThePublicAndTheSignedInOperations() {
        ApiDocument doc = ApiDocument.fetch(port);

        doc.assertPlatformConventions("user-service")
                .assertBearerScheme()
                .assertOperations(
                        "POST /api/users/register",
                        "POST /api/users/login",
                        "POST /api/users/refresh",
                        "POST /api/users/logout",
                        "GET /api/users/me",
                        "PUT /api/users/me",
                        "GET /api/users/me/addresses",
                        "PUT /api/ops/users/{userId}/roles");
        assertThat(doc.securityOf("POST /api/users/login")).isEmpty();
        assertThat(doc.securityOf("GET /api/users/me")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.securityOf("PUT /api/ops/users/{userId}/roles")).containsExactly(ApiDocument.BEARER);
        doc.assertProblemResponse("POST /api/users/register", 400)
                .assertProblemResponse("GET /api/users/me", 401)
                .assertProblemResponse("PUT /api/ops/users/{userId}/roles", 403);
        // Service-to-service calls are not part of the public API (the gateway never routes them).
        assertThat(doc.openApi().getPaths().keySet()).noneMatch(path -> path.startsWith("/internal/"));
    }

    @Test
    void aDuplicateEmailIs409EvenInAnotherCase() {
        TestUsers.Session session = TestUsers.newUser(api);
        HttpTestClient.Response duplicate = api.post(
                "/api/users/register",
                Map.of("email", session.email().toUpperCase(), "password", TestUsers.PASSWORD, "name", "Again"));
        problem(duplicate, 409);
        assertThat(duplicate.text("type")).endsWith("/email-taken");
    }

    @Test
    void weakPasswordsAndBadEmailsAre400WithFieldErrors() {
        for (String weak :
                new String[] {"short1", "onlyletterslong", "1234567890123", "Password123", "x".repeat(70) + "1é"}) {
            HttpTestClient.Response response =
                    api.post("/api/users/register", Map.of("email", "weak@example.com", "password", weak, "name", "W"));
            problem(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .as(weak)
                    .isEqualTo("password");
        }
        for (String email : new String[] {"plain", "a@b", "a b@example.com", "@example.com"}) {
            HttpTestClient.Response response = api.post(
                    "/api/users/register", Map.of("email", email, "password", TestUsers.PASSWORD, "name", "E"));
            problem(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("email");
        }
        problem(api.post("/api/users/register", Map.of("email", "n@example.com", "password", TestUsers.PASSWORD)), 400);
        problem(api.post("/api/users/register", "{not json"), 400);
    }

    @Test
    void loginRefreshAndLogoutRefuseBadInput() {
        TestUsers.Session session = TestUsers.newUser(api);
        HttpTestClient.Response wrong =
                api.post("/api/users/login", Map.of("email", session.email(), "password", "wrong-password-1"));
        problem(wrong, 401);
        assertThat(wrong.text("type")).endsWith("/invalid-credentials");
        HttpTestClient.Response unknown =
                api.post("/api/users/login", Map.of("email", "nobody@example.com", "password", "wrong-password-1"));
        problem(unknown, 401);
        assertThat(unknown.text("detail")).isEqualTo(wrong.text("detail"));
        problem(api.post("/api/users/login", Map.of("email", "")), 400);
        problem(api.post("/api/users/refresh", Map.of("refreshToken", "made-up")), 401);
        problem(api.post("/api/users/refresh", Map.of()), 400);
        problem(api.post("/api/users/logout", Map.of()), 400);
    }

    @Test
    void profileAndAddressBadInputIs400And404() {
        TestUsers.Session session = TestUsers.newUser(api);
        String auth = session.bearer();
        problem(api.put("/api/users/me", Map.of("name", "", "phone", "12"), "Authorization", auth), 400);
        Map<String, Object> bad = new HashMap<>(TestUsers.address("R", "012345"));
        bad.put("phone", "call me");
        HttpTestClient.Response address = api.post("/api/users/me/addresses", bad, "Authorization", auth);
        problem(address, 400);
        assertThat(address.json().path("errors").findValuesAsString("field")).contains("pincode", "phone");
        for (String pincode : new String[] {"012345", "56000", "5600011", "५६०००१", "５６０００１", "560 001"}) {
            HttpTestClient.Response refused =
                    api.post("/api/users/me/addresses", TestUsers.address("R", pincode), "Authorization", auth);
            problem(refused, 400);
            assertThat(refused.json()
                            .path("errors")
                            .valueStream()
                            .filter(e -> e.path("field").stringValue().equals("pincode"))
                            .map(e -> e.path("message").stringValue())
                            .toList())
                    .as(pincode)
                    .containsExactly(Pincodes.MESSAGE);
        }
        problem(api.post("/api/users/me/addresses", Map.of("pincode", "560001"), "Authorization", auth), 400);
        problem(api.put("/api/users/me/addresses/nope", TestUsers.address("R", "560001"), "Authorization", auth), 404);
        problem(api.post("/api/users/me/addresses/nope/default", Map.of(), "Authorization", auth), 404);
        problem(api.delete("/api/users/me/addresses/nope", "Authorization", auth), 404);
        problem(api.get("/api/users/me/addresses"), 401);
    }

    @Test
    void opsEndpointsRefuseCustomersAndBadRoles() {
        TestUsers.Session customer = TestUsers.newUser(api);
        problem(
                api.put(
                        "/api/ops/users/" + customer.userId() + "/roles",
                        Map.of("roles", new String[] {"OPS"}),
                        "Authorization",
                        customer.bearer()),
                403);
        problem(api.post("/api/ops/users/signing-keys/rotate", Map.of(), "Authorization", customer.bearer()), 403);
    }

    @Test
    void theInternalEndpointNeedsTheServiceCredential() {
        TestUsers.Session session = TestUsers.newUser(api);
        String path = "/internal/users/" + session.userId() + "/default-address";
        problem(api.get(path), 401);
        problem(api.get(path, "X-Internal-Token", "guess"), 401);
        // A user's own JWT is not a service credential.
        problem(api.get(path, "Authorization", session.bearer()), 401);
        HttpTestClient.Response none = api.get(path, "X-Internal-Token", "test-internal-token");
        problem(none, 404);
        assertThat(none.text("type")).endsWith("/no-default-address");
        problem(api.get("/internal/users/unknown/default-address", "X-Internal-Token", "test-internal-token"), 404);
    }

    static void problem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).startsWith("https://bazaar.dev/problems/");
    }
}
