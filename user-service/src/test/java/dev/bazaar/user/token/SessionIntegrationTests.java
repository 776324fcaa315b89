package dev.bazaar.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import dev.bazaar.user.account.Role;
import dev.bazaar.user.account.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Register, login, refresh rotation with reuse detection, logout, and the tokens a verifier must refuse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class SessionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    SigningKeys keys;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    @Test
    void loginIssuesAnRs256TokenWithTheAgreedClaimsAndAKidFromTheJwks() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getSubject()).isEqualTo(session.userId());
        assertThat(claims.getIssuer()).isEqualTo("bazaar-user-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getStringClaim("email")).isEqualTo(session.email());
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        HttpTestClient.Response jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().findValuesAsString("kid"))
                .contains(jwt.getHeader().getKeyID());
        assertThat(jwks.body()).doesNotContain("\"d\"");

        HttpTestClient.Response login =
                api.post("/api/users/login", Map.of("email", session.email(), "password", TestUsers.PASSWORD));
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(api.get("/api/users/me", "Authorization", session.bearer()).text("email"))
                .isEqualTo(session.email());
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        TestUsers.Session session = TestUsers.newUser(api);
        HttpTestClient.Response first = api.post("/api/users/refresh", Map.of("refreshToken", session.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        String second = first.text("refreshToken");
        assertThat(second).isNotEqualTo(session.refreshToken());
        assertThat(api.get("/api/users/me", "Authorization", "Bearer " + first.text("accessToken"))
                        .status())
                .isEqualTo(200);

        // The old token again: rejected, and as reuse detection the newer token dies with it.
        HttpTestClient.Response reuse = api.post("/api/users/refresh", Map.of("refreshToken", session.refreshToken()));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        assertThat(reuse.text("type")).endsWith("/invalid-refresh-token");
        assertThat(api.post("/api/users/refresh", Map.of("refreshToken", second))
                        .status())
                .isEqualTo(401);

        // Another login is a separate family and still works.
        TestUsers.Session again = TestUsers.login(api, session.email(), TestUsers.PASSWORD, session.userId());
        assertThat(api.post("/api/users/refresh", Map.of("refreshToken", again.refreshToken()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void logoutRevokesTheFamily() {
        TestUsers.Session session = TestUsers.newUser(api);
        String next = api.post("/api/users/refresh", Map.of("refreshToken", session.refreshToken()))
                .text("refreshToken");
        assertThat(api.post("/api/users/logout", Map.of("refreshToken", next)).status())
                .isEqualTo(204);
        assertThat(api.post("/api/users/refresh", Map.of("refreshToken", next)).status())
                .isEqualTo(401);
    }

    @Test
    void expiredForgedUnsignedAndForeignIssuerTokensAreRejected() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        var user = new UserAccount(session.userId(), session.email(), null, "x", null, List.of(Role.OPS), 1, null);

        String expired = accessTokens.sign(
                user, Instant.now().minus(Duration.ofMinutes(30)), Instant.now().minus(Duration.ofMinutes(5)));
        // Signed by another key (the platform's test key), with our kid: a forgery.
        String forged = TestJwts.token(session.userId(), Instant.now().plusSeconds(600), "OPS");
        var claims = new JWTClaimsSet.Builder()
                .subject(session.userId())
                .issuer("bazaar-user-service")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("OPS"))
                .build();
        String unsigned = new PlainJWT(claims).serialize();
        var hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs256.sign(new MACSigner(
                keys.publicKeys().getKeys().get(0).toRSAKey().getModulus().decode()));
        var foreignIssuer = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keys.active().getKeyID())
                        .build(),
                new JWTClaimsSet.Builder(claims).issuer("evil").build());
        foreignIssuer.sign(new RSASSASigner(keys.active()));
        // A valid signature with the payload swapped afterwards.
        String[] parts = accessTokens.issue(user).split("\\.");
        String tampered = parts[0] + "." + unsigned.split("\\.")[1] + "." + parts[2];

        for (String token : List.of(
                expired, forged, unsigned, hs256.serialize(), foreignIssuer.serialize(), tampered, "not-a-jwt")) {
            HttpTestClient.Response response = api.get("/api/users/me", "Authorization", "Bearer " + token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/users/me").status()).isEqualTo(401);
        assertThat(api.get("/api/users/me", "Authorization", session.bearer()).status())
                .isEqualTo(200);
    }

    @Test
    void afterAKeyRotationOldTokensStillVerifyAndNewOnesCarryTheNewKid() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        String oldKid = SignedJWT.parse(session.accessToken()).getHeader().getKeyID();
        String newKid = keys.rotate();
        TestUsers.Session fresh = TestUsers.login(api, session.email(), TestUsers.PASSWORD, session.userId());
        assertThat(SignedJWT.parse(fresh.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(api.get("/.well-known/jwks.json").json().findValuesAsString("kid"))
                .contains(oldKid, newKid);
        assertThat(api.get("/api/users/me", "Authorization", session.bearer()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/users/me", "Authorization", fresh.bearer()).status())
                .isEqualTo(200);
    }
}
