package dev.bazaar.starter.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.testing.TestJwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(
        controllers = JwtSecurityTests.DemoController.class,
        properties = "bazaar.security.public-get-paths=/public/**")
@Import(JwtSecurityTests.DemoController.class)
class JwtSecurityTests {

    @RestController
    static class DemoController {

        @GetMapping("/public/hello")
        String hello() {
            return "hello";
        }

        @GetMapping("/me")
        String me(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }

        @GetMapping("/ops/report")
        @PreAuthorize("hasRole('OPS')")
        String report() {
            return "report";
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void publicPathsNeedNoToken() throws Exception {
        mvc.perform(get("/public/hello")).andExpect(status().isOk());
    }

    @Test
    void missingTokenIsAnUnauthorizedProblem() throws Exception {
        mvc.perform(get("/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/unauthorized"));
    }

    @Test
    void validTokenIdentifiesTheUser() throws Exception {
        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, TestJwts.bearer("user-7", "CUSTOMER")))
                .andExpect(status().isOk())
                .andExpect(content().string("user-7"));
    }

    @Test
    void opsEndpointsNeedTheOpsRole() throws Exception {
        mvc.perform(get("/ops/report").header(HttpHeaders.AUTHORIZATION, TestJwts.bearer("user-7", "CUSTOMER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/forbidden"));
        mvc.perform(get("/ops/report").header(HttpHeaders.AUTHORIZATION, TestJwts.bearer("ops-1", "OPS")))
                .andExpect(status().isOk());
    }

    @Test
    void expiredForgedAndUnsignedTokensAreRejected() throws Exception {
        String expired = TestJwts.token("user-7", Instant.now().minusSeconds(120), "OPS");
        String valid = TestJwts.token("user-7", Instant.now().plusSeconds(600), "CUSTOMER");
        String[] parts = valid.split("\\.");
        String escalated = parts[0] + "."
                + base64Url("{\"sub\":\"user-7\",\"roles\":[\"OPS\"],\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                + "." + parts[2];
        String unsigned = base64Url("{\"alg\":\"none\"}") + "." + parts[1] + ".";

        for (String token : new String[] {expired, escalated, unsigned}) {
            mvc.perform(get("/ops/report").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
