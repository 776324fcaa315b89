package dev.bazaar.user.account;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import dev.bazaar.user.profile.ProfileEditor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OPS changes roles and links sellers to their supplier; both reach the token at the next refresh. The internal
 * contact reads notification-service asks: a user's, and a supplier's sellers'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class RoleAdminIntegrationTests {

    /** The test profile's internal token (src/test/resources). */
    private static final String TOKEN = "test-internal-token";

    @LocalServerPort
    int port;

    @Autowired
    ProfileEditor editor;

    @Test
    void opsGrantsSellerAndTheNextRefreshCarriesIt() throws Exception {
        HttpTestClient api = HttpTestClient.local(port);
        TestUsers.Session ops = TestUsers.newUser(api);
        editor.changeRoles(ops.userId(), Set.of(Role.OPS));
        ops = TestUsers.login(api, ops.email(), TestUsers.PASSWORD, ops.userId());
        TestUsers.Session seller = TestUsers.newUser(api);

        HttpTestClient.Response changed = api.put(
                "/api/ops/users/" + seller.userId() + "/roles",
                Map.of("roles", List.of("CUSTOMER", "SELLER")),
                "Authorization",
                ops.bearer());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/api/users/me", "Authorization", seller.bearer())
                        .json()
                        .path("roles")
                        .toString())
                .contains("SELLER");
        String refreshed = api.post("/api/users/refresh", Map.of("refreshToken", seller.refreshToken()))
                .text("accessToken");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(refreshed).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactlyInAnyOrder("CUSTOMER", "SELLER");

        assertThat(api.put(
                                "/api/ops/users/" + seller.userId() + "/roles",
                                Map.of("roles", List.of("KING")),
                                "Authorization",
                                ops.bearer())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/ops/users/" + seller.userId() + "/roles",
                                Map.of("roles", List.of()),
                                "Authorization",
                                ops.bearer())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/ops/users/nobody/roles",
                                Map.of("roles", List.of("SELLER")),
                                "Authorization",
                                ops.bearer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void opsLinksASellerToTheirSupplierWhichReachesTheTokenAndTheSuppliersContacts() throws Exception {
        HttpTestClient api = HttpTestClient.local(port);
        TestUsers.Session ops = TestUsers.newUser(api);
        editor.changeRoles(ops.userId(), Set.of(Role.OPS));
        ops = TestUsers.login(api, ops.email(), TestUsers.PASSWORD, ops.userId());
        TestUsers.Session seller = TestUsers.newUser(api);
        TestUsers.Session shopper = TestUsers.newUser(api);
        String supplier = "acme-" + java.util.UUID.randomUUID();

        // Only a SELLER can be linked: nothing changes for a shopper.
        assertProblem(
                api.put(
                        "/api/ops/users/" + shopper.userId() + "/supplier",
                        Map.of("supplierId", supplier),
                        "Authorization",
                        ops.bearer()),
                409,
                "not-a-seller");
        editor.changeRoles(seller.userId(), Set.of(Role.CUSTOMER, Role.SELLER));
        HttpTestClient.Response linked = api.put(
                "/api/ops/users/" + seller.userId() + "/supplier",
                Map.of("supplierId", supplier),
                "Authorization",
                ops.bearer());
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.text("supplierId")).isEqualTo(supplier);

        String refreshed = api.post("/api/users/refresh", Map.of("refreshToken", seller.refreshToken()))
                .text("accessToken");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(refreshed).getJWTClaimsSet().getStringClaim("supplier_id"))
                .isEqualTo(supplier);
        String shoppers = api.post("/api/users/refresh", Map.of("refreshToken", shopper.refreshToken()))
                .text("accessToken");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(shoppers).getJWTClaimsSet().getClaim("supplier_id"))
                .isNull();

        // Whom notification-service tells: the supplier's sellers, and any user by id.
        JsonNode contacts = api.get("/internal/suppliers/" + supplier + "/contacts", "X-Internal-Token", TOKEN)
                .json();
        assertThat(contacts.path("contacts")).hasSize(1);
        assertThat(contacts.path("contacts").get(0).path("userId").asString()).isEqualTo(seller.userId());
        assertThat(contacts.path("contacts").get(0).path("email").asString()).isEqualTo(seller.email());
        assertThat(api.get("/internal/suppliers/nobody-sells/contacts", "X-Internal-Token", TOKEN)
                        .json()
                        .path("contacts"))
                .isEmpty();
        HttpTestClient.Response contact =
                api.get("/internal/users/" + shopper.userId() + "/contact", "X-Internal-Token", TOKEN);
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.text("email")).isEqualTo(shopper.email());
        assertProblem(api.get("/internal/users/nobody/contact", "X-Internal-Token", TOKEN), 404, "user-not-found");
        assertProblem(api.get("/internal/users/" + shopper.userId() + "/contact"), 401, "internal-token-required");

        // Bad input: a blank supplier, an unknown user.
        assertThat(api.put(
                                "/api/ops/users/" + seller.userId() + "/supplier",
                                Map.of("supplierId", " "),
                                "Authorization",
                                ops.bearer())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/ops/users/nobody/supplier",
                                Map.of("supplierId", supplier),
                                "Authorization",
                                ops.bearer())
                        .status())
                .isEqualTo(404);
    }
}
