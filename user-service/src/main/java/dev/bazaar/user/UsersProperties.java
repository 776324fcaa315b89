package dev.bazaar.user;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code bazaar.users}; every one has a default fit for production.
 *
 * @param internalToken shared secret other services send in {@code X-Internal-Token} to the
 *        internal endpoints (which the gateway never routes)
 */
@ConfigurationProperties("bazaar.users")
public record UsersProperties(String internalToken, Password password, Jwt jwt, Cache cache, Throttle throttle,
        Demo demo) {

    public UsersProperties {
        password = password == null ? new Password(10) : password;
        jwt = jwt == null ? new Jwt(null, null, null, 0) : jwt;
        cache = cache == null ? new Cache(null, null, null, null) : cache;
        throttle = throttle == null ? new Throttle(0, null, 0, null) : throttle;
        demo = demo == null ? new Demo(false, null) : demo;
    }

    /** @param bcryptStrength log2 of the bcrypt work factor (10 ≈ 50-100 ms per hash here) */
    public record Password(int bcryptStrength) {
        public Password {
            bcryptStrength = bcryptStrength == 0 ? 10 : bcryptStrength;
        }
    }

    /** @param publishedKeys how many of the newest signing keys the JWKS lists (the older ones still verify tokens in flight) */
    public record Jwt(String issuer, Duration accessTtl, Duration refreshTtl, int publishedKeys) {
        public Jwt {
            issuer = issuer == null ? "bazaar-user-service" : issuer;
            accessTtl = accessTtl == null ? Duration.ofMinutes(15) : accessTtl;
            refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
            publishedKeys = publishedKeys == 0 ? 3 : publishedKeys;
        }
    }

    /**
     * @param ttl lifetime of a cached user (a little jitter is added so hot keys do not expire together)
     * @param tombstoneTtl how long an eviction blocks older versions from being cached again
     * @param maxLoadAge a database read older than this is returned but never cached; must stay well below tombstoneTtl
     * @param retryAfter how long reads skip Redis after a Redis failure
     */
    public record Cache(Duration ttl, Duration tombstoneTtl, Duration maxLoadAge, Duration retryAfter) {
        public Cache {
            ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
            tombstoneTtl = tombstoneTtl == null ? Duration.ofSeconds(30) : tombstoneTtl;
            maxLoadAge = maxLoadAge == null ? Duration.ofSeconds(5) : maxLoadAge;
            retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
        }
    }

    /** Failed logins allowed per client IP and per account within their windows, then 429. */
    public record Throttle(int perIp, Duration ipWindow, int perAccount, Duration accountWindow) {
        public Throttle {
            perIp = perIp == 0 ? 100 : perIp;
            ipWindow = ipWindow == null ? Duration.ofMinutes(1) : ipWindow;
            perAccount = perAccount == 0 ? 10 : perAccount;
            accountWindow = accountWindow == null ? Duration.ofMinutes(15) : accountWindow;
        }
    }

    public record Demo(boolean enabled, Path dir) {
        public Demo {
            dir = dir == null ? Path.of(".bazaar", "user-service") : dir;
        }
    }
}
