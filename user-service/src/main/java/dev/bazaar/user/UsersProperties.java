package dev.bazaar.user;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.users}; each default is stated here and nowhere else (application.yml
 * only maps environment variables). The one setting without a default is the secret.
 *
 * @param internalToken shared secret other services send in {@code X-Internal-Token} to the
 *        internal endpoints (which the gateway never routes); required: {@code BAZAAR_INTERNAL_TOKEN},
 *        which only the {@code local} profile fills with a development value
 */
@Validated
@ConfigurationProperties("bazaar.users")
public record UsersProperties(
        @NotBlank(
                message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a default "
                        + "outside the 'local' profile")
        String internalToken,

        @DefaultValue Password password,
        @DefaultValue Jwt jwt,
        @DefaultValue Cache cache,
        @DefaultValue Throttle throttle,
        @DefaultValue Demo demo) {

    /** @param bcryptStrength log2 of the bcrypt work factor (10 ≈ 50-100 ms per hash here) */
    public record Password(@DefaultValue("10") int bcryptStrength) {}

    /** @param publishedKeys how many of the newest signing keys the JWKS lists (the older ones still verify tokens in flight) */
    public record Jwt(
            @DefaultValue("bazaar-user-service") String issuer,
            @DefaultValue("15m") Duration accessTtl,
            @DefaultValue("30d") Duration refreshTtl,
            @DefaultValue("3") int publishedKeys) {}

    /**
     * @param ttl lifetime of a cached user (a little jitter is added so hot keys do not expire together)
     * @param tombstoneTtl how long an eviction blocks older versions from being cached again
     * @param maxLoadAge a database read older than this is returned but never cached; must stay well below tombstoneTtl
     * @param retryAfter how long reads skip Redis after a Redis failure
     */
    public record Cache(
            @DefaultValue("10m") Duration ttl,
            @DefaultValue("30s") Duration tombstoneTtl,
            @DefaultValue("5s") Duration maxLoadAge,
            @DefaultValue("2s") Duration retryAfter) {}

    /** Failed logins allowed per client IP and per account within their windows, then 429. */
    public record Throttle(
            @DefaultValue("100") int perIp,
            @DefaultValue("1m") Duration ipWindow,
            @DefaultValue("10") int perAccount,
            @DefaultValue("15m") Duration accountWindow) {}

    /**
     * @param enabled the demo OPS user and customer ({@code BAZAAR_DEMO}, off unless set; the local profile sets it)
     * @param dir where their logins are written ({@code demo-ops.txt}); application.yml derives it from
     *        {@code BAZAAR_HOME}
     */
    public record Demo(boolean enabled, Path dir) {}
}
