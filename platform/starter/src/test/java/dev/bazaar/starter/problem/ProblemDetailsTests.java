package dev.bazaar.starter.problem;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(
        controllers = ProblemDetailsTests.CatalogueController.class,
        properties = "bazaar.security.public-paths=/items/**")
@Import(ProblemDetailsTests.CatalogueController.class)
class ProblemDetailsTests {

    record NewItem(@NotBlank String title, @Min(1) long priceMinor) {}

    @RestController
    static class CatalogueController {

        @PostMapping("/items")
        NewItem create(@Valid @RequestBody NewItem item) {
            return item;
        }

        @GetMapping("/items/{id}")
        NewItem find(@PathVariable String id) {
            if (id.equals("boom")) {
                throw new IllegalStateException("database password is hunter2");
            }
            throw ApiProblem.notFound("Item", id);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void invalidFieldsAreListedInAValidationProblem() throws Exception {
        mvc.perform(post("/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"priceMinor\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/validation-error"))
                .andExpect(jsonPath("$.instance").value("/items"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("title", "priceMinor")));
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/items").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/bad-request"));
    }

    @Test
    void wrongContentTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
        mvc.perform(post("/items").contentType(MediaType.TEXT_PLAIN).content("title"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/unsupported-media-type"));
    }

    @Test
    void apiProblemKeepsItsStableType() throws Exception {
        mvc.perform(get("/items/42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Item '42' does not exist"));
    }

    @Test
    void unexpectedErrorsRevealNothingInternal() throws Exception {
        mvc.perform(get("/items/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/internal-error"))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }
}
