package dev.bazaar.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.bazaar.user.UsersProperties;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RS256 key pairs, kept in MariaDB's {@code signing_key} so every instance and every restart
 * signs with the same key. The first start generates one. The newest key signs; the newest
 * {@code publishedKeys} are published in the JWKS, so after a rotation tokens signed with the
 * previous key stay valid until they expire. A token whose {@code kid} is unknown triggers one
 * reload (at most every ten seconds): another instance may have rotated.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final long RELOAD_INTERVAL_NANOS = 10_000_000_000L;

    private final JdbcClient jdbc;
    private final int publishedKeys;
    private volatile RSAKey active;
    private volatile JWKSet published;
    private volatile long lastReload;

    SigningKeys(JdbcClient jdbc, UsersProperties properties) {
        this.jdbc = jdbc;
        this.publishedKeys = properties.jwt().publishedKeys();
        if (jdbc.sql("SELECT COUNT(*) FROM signing_key").query(Integer.class).single() == 0) {
            insert(generate());
        }
        reload();
    }

    /** The key that signs new tokens (with its private half). */
    public RSAKey active() {
        return active;
    }

    /** The public halves of the published keys: the JWKS document. */
    public JWKSet publicKeys() {
        return published.toPublicJWKSet();
    }

    /** Generates a new signing key; the previous ones stay published. */
    public synchronized String rotate() {
        RSAKey key = generate();
        insert(key);
        reload();
        log.info("Rotated the JWT signing key: new kid {}", key.getKeyID());
        return key.getKeyID();
    }

    /** What the token decoder verifies with. */
    JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(published);
            if (found.isEmpty() && System.nanoTime() - lastReload > RELOAD_INTERVAL_NANOS) {
                reload();
                found = selector.select(published);
            }
            return found;
        };
    }

    private synchronized void reload() {
        List<RSAKey> keys = jdbc.sql(
                        "SELECT kid, public_key, private_key FROM signing_key ORDER BY created_at DESC, kid DESC LIMIT ?")
                .param(publishedKeys)
                .query((row, n) ->
                        restore(row.getString("kid"), row.getString("public_key"), row.getString("private_key")))
                .list();
        active = keys.get(0);
        published = new JWKSet(List.<JWK>copyOf(keys));
        lastReload = System.nanoTime();
    }

    private void insert(RSAKey key) {
        try {
            jdbc.sql("INSERT INTO signing_key (kid, public_key, private_key, created_at) VALUES (?, ?, ?, ?)")
                    .param(key.getKeyID())
                    .param(Base64.getEncoder()
                            .encodeToString(key.toRSAPublicKey().getEncoded()))
                    .param(Base64.getEncoder()
                            .encodeToString(key.toRSAPrivateKey().getEncoded()))
                    .param(Timestamp.from(Instant.now()))
                    .update();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        String kid =
                DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(Instant.now()) + "-"
                        + HexFormat.of()
                                .toHexDigits(ThreadLocalRandom.current().nextLong())
                                .substring(0, 10);
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey restore(String kid, String publicKey, String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var pub = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            var priv = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            return new RSAKey.Builder(pub)
                    .privateKey(priv)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + kid + " is unreadable", e);
        }
    }
}
