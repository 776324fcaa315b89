package dev.bazaar.starter.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that declares the {@link InternalTokenGuard}: its {@code /internal/**} calls pass their own lean
 * chain, where the token is the credential (a JWT is neither needed nor looked at), and everything else
 * still needs a valid JWT.
 */
@WebMvcTest(
        controllers = InternalCallsSecurityTests.DemoController.class,
        properties = "bazaar.security.public-paths=/internal/**")
@Import({InternalCallsSecurityTests.DemoController.class, InternalCallsSecurityTests.Guard.class})
class InternalCallsSecurityTests {

    static final String TOKEN = "a-shared-service-secret";

    static class Guard {
        @Bean
        InternalTokenGuard internalTokenGuard() {
            return new InternalTokenGuard(TOKEN);
        }
    }

    @RestController
    static class DemoController {

        @GetMapping("/internal/stock")
        String stock() {
            return "stock";
        }

        @GetMapping("/me")
        String me(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void internalCallsNeedTheToken() throws Exception {
        mvc.perform(get("/internal/stock"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/internal-token-required"));
        mvc.perform(get("/internal/stock").header(InternalTokenGuard.HEADER, TOKEN + "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/internal/stock").header(InternalTokenGuard.HEADER, TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string("stock"));
    }

    @Test
    void aJwtIsNotLookedAtOnInternalCalls() throws Exception {
        // The main chain would answer 401 for a malformed bearer token on any path; here the token decides.
        mvc.perform(get("/internal/stock")
                        .header(InternalTokenGuard.HEADER, TOKEN)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                .andExpect(status().isOk());
        mvc.perform(get("/internal/stock").header(HttpHeaders.AUTHORIZATION, TestJwts.bearer("ops-1", "OPS")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/internal-token-required"));
    }

    @Test
    void everythingElseStillNeedsAValidJwt() throws Exception {
        mvc.perform(get("/me").header(InternalTokenGuard.HEADER, TOKEN)).andExpect(status().isUnauthorized());
        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, TestJwts.bearer("user-7", "CUSTOMER")))
                .andExpect(status().isOk())
                .andExpect(content().string("user-7"));
    }
}
