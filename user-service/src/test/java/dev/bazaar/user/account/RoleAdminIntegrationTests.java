package dev.bazaar.user.account;

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

/** OPS changes roles; the new roles reach the token at the next refresh. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class RoleAdminIntegrationTests {

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
}
