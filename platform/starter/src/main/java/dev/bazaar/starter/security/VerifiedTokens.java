package dev.bazaar.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens its decoder verified (signature and claims), so that a token sent again is not
 * verified again: a shopper sends the same access token with every request of its life, and checking its
 * RS256 signature each time was ~14 % of order-service's request threads under CheckoutBenchmark. Envoy's
 * JWT filter does the same ({@code jwt_cache_config}).
 *
 * <p>The key is the whole token as sent (header, claims and signature), so a hit is the very token that was
 * verified. A remembered token is used until the earlier of its expiry (no clock skew allowed here, stricter
 * than the decoder) and {@link #REVERIFY_AFTER} from its verification, the time Nimbus keeps a JWK set before
 * fetching it again: a key withdrawn from user-service's JWKS stops being trusted no later than without this
 * cache. Tokens without an expiry are not remembered. Bounded: past {@code maxEntries} the stale entries are
 * dropped, and all of them if that is not enough.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant until) {}

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock, int maxEntries) {
        this.decoder = decoder;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= maxEntries) {
                verified.values().removeIf(entry -> !now.isBefore(entry.until()));
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
            }
            Instant reverify = now.plus(REVERIFY_AFTER);
            verified.put(
                    token, new Verified(jwt, jwt.getExpiresAt().isBefore(reverify) ? jwt.getExpiresAt() : reverify));
        }
        return jwt;
    }
}
