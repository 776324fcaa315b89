package dev.bazaar.starter.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The rules of the verified-token cache, against the real RS256 decoder and TestJwts' key. */
class VerifiedTokensTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private final NimbusJwtDecoder nimbus =
            NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };
    private final MovableClock clock = new MovableClock(Instant.now());

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileItIsValid() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        String token = TestJwts.token("user-7", clock.instant().plus(Duration.ofMinutes(15)), "CUSTOMER");

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("user-7");
        assertThat(verifications).hasValue(1);
        // Another token (another user, or the same user's next one) is verified on its own.
        tokens.decode(TestJwts.token("user-8", clock.instant().plus(Duration.ofMinutes(15)), "CUSTOMER"));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterFiveMinutesAndRefusedOnceExpired() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        // Expires in 15 min (TestJwts signs with the real clock, so the decoder checks against it too).
        String token = TestJwts.token("user-7", Instant.now().plus(Duration.ofMinutes(15)), "CUSTOMER");
        tokens.decode(token);

        clock.advance(VerifiedTokens.REVERIFY_AFTER.minusSeconds(1));
        tokens.decode(token);
        assertThat(verifications).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        // Valid for 30 s more by the decoder's clock; this cache's clock then passes its expiry.
        String token = TestJwts.token("user-7", Instant.now().plusSeconds(30), "CUSTOMER");
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(31));
        // Not remembered past its expiry: the decoder is asked again (and, by the real clock, still accepts it
        // within its 60 s skew), so the cache never answers for a token past its exp.
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        String expired = TestJwts.token("user-7", Instant.now().minusSeconds(120), "CUSTOMER");

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void itHoldsNoMoreThanItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 3);
        String[] issued = new String[5];
        for (int i = 0; i < issued.length; i++) {
            issued[i] = TestJwts.token("user-" + i, clock.instant().plus(Duration.ofMinutes(15)), "CUSTOMER");
            tokens.decode(issued[i]);
        }
        // The fourth found it full of valid tokens and emptied it; the fifth is remembered, the first is not.
        tokens.decode(issued[4]);
        assertThat(verifications).hasValue(5);
        tokens.decode(issued[0]);
        assertThat(verifications).hasValue(6);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
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
