package dev.bazaar.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's RFC 9457 errors as a test expects them: the status, {@code application/problem+json},
 * and the problem type the starter's {@code ApiProblem} names (under {@value #TYPES}).
 */
public final class Problems {

    /** The starter's {@code ProblemTypes.BASE}: every problem type is this plus its slug. */
    public static final String TYPES = "https://bazaar.dev/problems/";

    private Problems() {}

    /**
     * @param type the problem type's slug, e.g. {@code quantity-limit}; null where only the status and
     *     the media type are the point (a framework's validation error, say)
     */
    public static void assertProblem(HttpTestClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.text("type")).as(response.body()).isEqualTo(TYPES + type);
        }
    }
}
