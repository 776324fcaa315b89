package dev.bazaar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The limiter's script is Spring Cloud Gateway's own token bucket, unchanged, hashed once. */
class RateLimiterScriptTests {

    @Test
    void isSpringCloudGatewaysScriptWithItsSha1() throws Exception {
        byte[] shipped = new ClassPathResource(RateLimiterScript.LOCATION).getContentAsByteArray();

        var script = RateLimiterScript.script();

        assertThat(script.getScriptAsString())
                .isEqualTo(new String(shipped, StandardCharsets.UTF_8))
                .contains("tokens_key");
        assertThat(script.getSha1()).isEqualTo(sha1Hex(shipped));
    }

    private static String sha1Hex(byte[] bytes) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-1").digest(bytes);
        return java.util.HexFormat.of().formatHex(digest);
    }
}
