package dev.bazaar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.TestJwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The cache in front of the real RS256 decoder (TestJwts' key): what it may and may not skip. */
class CachingJwtDecoderTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder real =
            NimbusReactiveJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
    private final ReactiveJwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return real.decode(token);
    };

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        var decoder = new CachingJwtDecoder(counting, 100, Clock.systemUTC());
        String token = TestJwts.token("user-1", Instant.now().plusSeconds(600), "CUSTOMER");

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("user-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgainAndRejected() {
        Instant expiresAt = Instant.now().plusSeconds(600);
        String token = TestJwts.token("user-2", expiresAt, "CUSTOMER");
        var now = new MutableClock(Instant.now());
        // The real decoder's expiry check reads the same clock as the cache (no skew allowed).
        var timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(now);
        var realOnClock =
                NimbusReactiveJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
        realOnClock.setJwtValidator(timestamps);
        var decoder = new CachingJwtDecoder(
                token1 -> {
                    verifications.incrementAndGet();
                    return realOnClock.decode(token1);
                },
                100,
                now);
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-2");

        now.set(expiresAt.plusSeconds(1)); // the remembered token is past its exp now
        assertThatThrownBy(() -> decoder.decode(token).block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications)
                .as("the cache did not answer for the expired token")
                .hasValue(2);
    }

    @Test
    void aForgedTokenIsNeverRemembered() {
        var decoder = new CachingJwtDecoder(counting, 100, Clock.systemUTC());
        String token = TestJwts.token("user-3", Instant.now().plusSeconds(600), "CUSTOMER");
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRejectedAndNotRemembered() {
        var decoder = new CachingJwtDecoder(counting, 100, Clock.systemUTC());
        String expired = TestJwts.token("user-4", Instant.now().minusSeconds(3600), "CUSTOMER");

        assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
