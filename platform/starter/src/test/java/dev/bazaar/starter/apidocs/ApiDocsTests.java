package dev.bazaar.starter.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.testing.ApiDocument;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAPI document a service with JWT security gets from the starter, read as a client reads it. */
@WebMvcTest(
        controllers = ApiDocsTests.DemoController.class,
        properties = {"spring.application.name=demo-service", "bazaar.security.public-get-paths=/public/**"})
@Import(ApiDocsTests.DemoController.class)
@ImportAutoConfiguration({
    SpringDocConfiguration.class,
    SpringDocConfigProperties.class,
    SpringDocWebMvcConfiguration.class,
    ApiDocsAutoConfiguration.class
})
class ApiDocsTests {

    @RestController
    static class DemoController {

        @GetMapping("/public/things/{id}")
        String thing(@PathVariable String id) {
            return id;
        }

        @PostMapping("/public/things")
        String addThing() {
            return "only GET is public";
        }

        @GetMapping("/me")
        @ApiResponse(responseCode = "404", description = "You have no profile yet.")
        String me() {
            return "me";
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentIsPublicAndFollowsThePlatformConventions() throws Exception {
        ApiDocument doc = document();

        doc.assertPlatformConventions("demo-service")
                .assertBearerScheme()
                .assertOperations("GET /public/things/{id}", "POST /public/things", "GET /me");
        assertThat(doc.openApi().getInfo().getVersion()).isEqualTo(ApiDocsAutoConfiguration.platformVersion());
    }

    @Test
    void operationsOutsideThePublicPathsRequireTheBearerTokenAndMayAnswer401And403() throws Exception {
        ApiDocument doc = document();

        assertThat(doc.securityOf("GET /public/things/{id}")).isEmpty();
        assertThat(doc.responseStatuses("GET /public/things/{id}")).doesNotContain("401", "403");
        // public-get-paths opens GET only.
        assertThat(doc.securityOf("POST /public/things")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.securityOf("GET /me")).containsExactly(ApiDocument.BEARER);
        doc.assertProblemResponse("GET /me", 401).assertProblemResponse("GET /me", 403);
    }

    @Test
    void everyOperationAnswersProblemsAnd404OnlyWhereThePathNamesAResource() throws Exception {
        ApiDocument doc = document();

        doc.assertProblemResponse("GET /public/things/{id}", 400)
                .assertProblemResponse("GET /public/things/{id}", 404)
                .assertProblemResponse("GET /public/things/{id}", 500)
                .assertProblemResponse("POST /public/things", 500);
        assertThat(doc.responseStatuses("POST /public/things")).doesNotContain("404");
        // A status the operation declares itself keeps its description.
        assertThat(doc.operation("GET /me").getResponses().get("404").getDescription())
                .isEqualTo("You have no profile yet.");
        assertThat(doc.responseStatuses("GET /me")).containsExactly("400", "401", "403", "404", "500");
    }

    @Test
    void theYamlDocumentIsPublicToo() throws Exception {
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk());
    }

    private ApiDocument document() throws Exception {
        String json = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ApiDocument.parse(json);
    }
}
