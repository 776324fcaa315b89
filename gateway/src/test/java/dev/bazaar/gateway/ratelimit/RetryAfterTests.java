package dev.bazaar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RetryAfterTests {

    @Test
    void waitsUntilTheBucketHoldsOneRequestsTokens() {
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(headers(100, 60, 0)))
                .isEqualTo(1);
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(headers(3, 60, 0)))
                .isEqualTo(20);
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(headers(3, 60, 30)))
                .isEqualTo(10);
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(headers(10, 1, 0)))
                .isEqualTo(1);
    }

    @Test
    void missingOrBrokenHeadersStillGiveOneSecond() {
        var broken = new HttpHeaders();
        broken.set("X-RateLimit-Replenish-Rate", "lots");
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(new HttpHeaders()))
                .isEqualTo(1);
        assertThat(TooManyRequestsProblemFilter.retryAfterSeconds(broken)).isEqualTo(1);
    }

    private static HttpHeaders headers(long replenishRate, long requested, long remaining) {
        var headers = new HttpHeaders();
        headers.set("X-RateLimit-Replenish-Rate", Long.toString(replenishRate));
        headers.set("X-RateLimit-Requested-Tokens", Long.toString(requested));
        headers.set("X-RateLimit-Remaining", Long.toString(remaining));
        return headers;
    }
}
