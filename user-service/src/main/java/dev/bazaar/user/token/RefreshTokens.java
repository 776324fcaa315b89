package dev.bazaar.user.token;

import dev.bazaar.user.UsersProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque, random refresh tokens, stored only as SHA-256 (a database leak reveals no usable token).
 * A login starts a family; every refresh consumes the presented token and issues the next one in
 * the family. Presenting a consumed token again means someone holds a copy: the whole family is
 * revoked (reuse detection), so the thief's and the owner's sessions both end.
 */
@Service
class RefreshTokens {

    /** A new refresh token and the user it belongs to. */
    public record Rotation(String userId, String refreshToken) {}

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Counter reuseDetected;

    RefreshTokens(JdbcClient jdbc, UsersProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ttl = properties.jwt().refreshTtl();
        this.reuseDetected = Counter.builder("users.refresh.reuse.detected")
                .description("Refresh tokens presented twice: their family was revoked")
                .register(meters);
    }

    @Transactional
    public String startFamily(String userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    /** The next token, or empty when the presented one is unknown, expired, revoked or reused. */
    @Transactional
    public Optional<Rotation> rotate(String presented) {
        // FOR UPDATE: two refreshes with one token are serialised, so exactly one wins and the other is reuse.
        var found = jdbc.sql(
                        "SELECT family_id, user_id, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = ? FOR UPDATE")
                .param(hash(presented))
                .query((row, n) -> new Stored(
                        row.getString("family_id"),
                        row.getString("user_id"),
                        row.getTimestamp("expires_at").toInstant(),
                        row.getTimestamp("used_at") != null,
                        row.getTimestamp("revoked_at") != null))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stored token = found.get();
        if (token.revoked() || token.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        if (token.used()) {
            reuseDetected.increment();
            log.warn("Refresh token reused for user {}: revoking family {}", token.userId(), token.familyId());
            revokeFamily(token.familyId());
            return Optional.empty();
        }
        jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?")
                .param(Timestamp.from(Instant.now()))
                .param(hash(presented))
                .update();
        return Optional.of(new Rotation(token.userId(), issue(token.userId(), token.familyId())));
    }

    /** Logout: ends the session the token belongs to; unknown tokens are ignored. */
    @Transactional
    public void revokeFamilyOf(String presented) {
        jdbc.sql("SELECT family_id FROM refresh_token WHERE token_hash = ?")
                .param(hash(presented))
                .query(String.class)
                .optional()
                .ifPresent(this::revokeFamily);
    }

    private void revokeFamily(String familyId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .param(Timestamp.from(Instant.now()))
                .param(familyId)
                .update();
    }

    private String issue(String userId, String familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO refresh_token (token_hash, family_id, user_id, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .param(hash(token))
                .param(familyId)
                .param(userId)
                .param(Timestamp.from(now.plus(ttl)))
                .param(Timestamp.from(now))
                .update();
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String familyId, String userId, Instant expiresAt, boolean used, boolean revoked) {}
}
