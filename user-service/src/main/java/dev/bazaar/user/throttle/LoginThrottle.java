package dev.bazaar.user.throttle;

import dev.bazaar.user.UsersProperties;
import dev.bazaar.user.cache.RedisGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client IP (credential stuffing: many accounts, one source) and per
 * account (guessing one password from many sources) in fixed Redis windows. Over either limit,
 * logins answer 429 until the window ends, before any password is checked. If Redis is unavailable
 * the throttle fails open: logins keep working, only unthrottled (the gateway still rate-limits).
 */
@Component
public class LoginThrottle {

    /** Whether to refuse, and for how many seconds. */
    public record Verdict(boolean blocked, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(false, 0);
    }

    // INCR, and start the window on the first failure: one atomic step, so no counter lives forever.
    private static final RedisScript<Long> COUNT = new DefaultRedisScript<>("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final UsersProperties.Throttle limits;

    LoginThrottle(StringRedisTemplate redis, RedisGuard guard, UsersProperties properties) {
        this.redis = redis;
        this.guard = guard;
        this.limits = properties.throttle();
    }

    public Verdict check(String ip, String email) {
        if (!guard.available()) {
            return Verdict.ALLOWED;
        }
        try {
            List<String> counts = redis.opsForValue().multiGet(List.of(ipKey(ip), accountKey(email)));
            if (count(counts, 0) >= limits.perIp()) {
                return new Verdict(true, retryAfter(ipKey(ip), limits.ipWindow()));
            }
            if (count(counts, 1) >= limits.perAccount()) {
                return new Verdict(true, retryAfter(accountKey(email), limits.accountWindow()));
            }
            return Verdict.ALLOWED;
        } catch (RuntimeException e) {
            guard.failed(e);
            return Verdict.ALLOWED;
        }
    }

    public void failed(String ip, String email) {
        if (!guard.available()) {
            return;
        }
        try {
            redis.execute(
                    COUNT, List.of(ipKey(ip)), Long.toString(limits.ipWindow().toMillis()));
            redis.execute(
                    COUNT,
                    List.of(accountKey(email)),
                    Long.toString(limits.accountWindow().toMillis()));
        } catch (RuntimeException e) {
            guard.failed(e);
        }
    }

    /** A correct password clears the account's count (not the IP's: a stuffing source stays throttled). */
    public void succeeded(String email) {
        if (!guard.available()) {
            return;
        }
        try {
            redis.delete(accountKey(email));
        } catch (RuntimeException e) {
            guard.failed(e);
        }
    }

    private long retryAfter(String key, Duration window) {
        Long ttl = redis.getExpire(key);
        return ttl == null || ttl <= 0 ? window.toSeconds() : ttl;
    }

    private static long count(List<String> counts, int index) {
        String value = counts == null ? null : counts.get(index);
        return value == null ? 0 : Long.parseLong(value);
    }

    private String ipKey(String ip) {
        return guard.key("login:ip:" + ip);
    }

    // Hashed: no email addresses lying around in Redis.
    private String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return guard.key("login:acct:" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
