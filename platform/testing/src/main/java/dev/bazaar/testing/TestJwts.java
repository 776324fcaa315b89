package dev.bazaar.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Signs RS256 tokens shaped like user-service's ({@code sub} = user id, {@code roles} claim) with a
 * key generated per test JVM. Services under test trust this key (see
 * {@link TestJwtDecoderContextCustomizerFactory}), so a test can act as any user or role.
 */
public final class TestJwts {

    private static final KeyPair KEYS = generate();

    /** An {@code Authorization} header value for a user with the given roles, valid for 15 minutes. */
    public static String bearer(String userId, String... roles) {
        return "Bearer " + token(userId, Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    /**
     * As {@link #bearer(String, String...)} with further claims, e.g. a seller linked to a supplier:
     * {@code bearer("seller-1", Map.of("supplier_id", "acme"), "SELLER")}.
     */
    public static String bearer(String userId, Map<String, Object> claims, String... roles) {
        return "Bearer " + token(userId, Instant.now().plus(Duration.ofMinutes(15)), claims, roles);
    }

    public static String token(String userId, Instant expiresAt, String... roles) {
        return token(userId, expiresAt, Map.of(), roles);
    }

    public static String token(String userId, Instant expiresAt, Map<String, Object> extraClaims, String... roles) {
        var builder = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer("bazaar-test")
                .issueTime(Date.from(Instant.now().minusSeconds(1)))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of(roles));
        extraClaims.forEach(builder::claim);
        var claims = builder.build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestJwts() {}
}
