package dev.bazaar.inbound.supplier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supplier API keys: {@code bzk_<keyId>.<secret>} with a 256-bit random secret. Only the SHA-256 of
 * the whole key is stored (a slow password hash buys nothing against 256 random bits); the key id
 * finds the row and the hashes are compared in constant time, so response timing reveals nothing.
 */
@Component
class ApiKeys {

    private static final String PREFIX = "bzk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A newly issued key; {@code apiKey} is the only copy of the plain key there will ever be. */
    public record IssuedKey(String keyId, String supplierId, String apiKey, Instant createdAt) {}

    public record KeyInfo(String keyId, Instant createdAt, Instant revokedAt) {}

    public IssuedKey issue(String supplierId) {
        String keyId = HexFormat.of().formatHex(randomBytes(8));
        String apiKey =
                PREFIX + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO api_key (key_id, supplier_id, key_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(keyId, supplierId, sha256(apiKey), Timestamp.from(now))
                .update();
        return new IssuedKey(keyId, supplierId, apiKey, now);
    }

    /** The supplier a presented key belongs to, if it is a valid, unrevoked key. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        int dot = presented.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), dot);
        byte[] presentedHash = sha256(presented);
        return jdbc.sql("SELECT supplier_id, key_hash FROM api_key WHERE key_id = ? AND revoked_at IS NULL")
                .param(keyId)
                .query((rs, n) -> MessageDigest.isEqual(presentedHash, rs.getBytes("key_hash"))
                        ? rs.getString("supplier_id")
                        : null)
                .optional();
    }

    /** @return false when the supplier has no such key (or it was revoked already) */
    public boolean revoke(String supplierId, String keyId) {
        return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND supplier_id = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(Instant.now()), keyId, supplierId)
                        .update()
                == 1;
    }

    public List<KeyInfo> keysOf(String supplierId) {
        return jdbc.sql("SELECT key_id, created_at, revoked_at FROM api_key WHERE supplier_id = ? ORDER BY created_at")
                .param(supplierId)
                .query((rs, n) -> new KeyInfo(
                        rs.getString("key_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
