package dev.bazaar.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.contracts.Pincodes;
import dev.bazaar.search.support.ItemDoc;
import dev.bazaar.search.support.SearchApi;
import dev.bazaar.search.support.SearchIndexFixture;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input gets a 4xx problem+json that names the limit, or safe results; never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.ELASTICSEARCH, LocalServer.KAFKA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IsolatedNames names;

    SearchApi api;

    @BeforeAll
    void indexSomeItems() {
        api = new SearchApi(mvc);
        List<ItemDoc> docs = new ArrayList<>();
        IntStream.range(0, 30)
                .forEach(i -> docs.add(ItemDoc.item(String.format("00000000-0000-4000-8000-%012d", i))
                        .title((i % 2 == 0 ? "Steel water bottle " : "Cotton kurta ") + i)
                        .brand(i % 3 == 0 ? "Milton" : "Biba")
                        .category(List.of("Home", "Kitchen"))
                        .price(10_000 + i * 1_000, 20_000)
                        .rating(i % 5 + 0.5)
                        .createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))));
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(elasticsearch, names.indexPrefix(), docs);
    }

    @AfterAll
    void dropIndex() {
        SearchIndexFixture.drop(elasticsearch, names.indexPrefix());
    }

    /** The API docs list the public search with its parameters and how errors look, as they do. */
    @Test
    void theApiDocsListThePublicSearchWithItsParameters() throws Exception {
        ApiDocument doc = ApiDocument.parse(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        doc.assertPlatformConventions("search-service")
                .assertBearerScheme()
                .assertOperations("GET /api/search", "GET /api/search/suggest");
        assertThat(doc.securityOf("GET /api/search")).isEmpty();
        assertThat(doc.securityOf("GET /api/search/suggest")).isEmpty();
        assertThat(doc.operation("GET /api/search").getParameters())
                .extracting(parameter -> parameter.getName())
                .contains("q", "category", "sort", "after", "pincode")
                .doesNotContain("query");
        doc.assertProblemResponse("GET /api/search", 400).assertProblemResponse("GET /api/search/suggest", 500);
    }

    @Test
    void emptyQueryBrowsesEverything() {
        var answer = api.search("q", "   ");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.total()).isEqualTo(30);
        assertThat(api.search().total()).isEqualTo(30);
    }

    @Test
    void aQueryOfOneKilobyteIsTooLong() {
        JsonNode problem = problem(api.search("q", "a".repeat(1024)), 400, "query-too-long");
        assertThat(problem.path("maxLength").intValue()).isEqualTo(200);
    }

    @Test
    void pagingLimits() {
        problem(api.search("page", "-1"), 400, "invalid-page");
        problem(api.search("page", "two"), 400, "invalid-page");
        assertThat(problem(api.search("size", "0"), 400, "invalid-size")
                        .path("maxSize")
                        .intValue())
                .isEqualTo(100);
        assertThat(problem(api.search("size", "10000"), 400, "invalid-size")
                        .path("detail")
                        .stringValue())
                .contains("100");
        JsonNode deep = problem(api.search("page", "100", "size", "100"), 400, "page-too-deep");
        assertThat(deep.path("detail").stringValue()).contains("after");
        assertThat(deep.path("maxWindow").intValue()).isEqualTo(10_000);
        assertThat(api.search("page", "99", "size", "100").status()).isEqualTo(200);
    }

    @Test
    void unknownSortListsTheAllowedOnes() {
        JsonNode problem = problem(api.search("sort", "cheapest"), 400, "invalid-sort");
        assertThat(problem.path("allowed")
                        .valueStream()
                        .map(JsonNode::stringValue)
                        .toList())
                .containsExactly("relevance", "price_asc", "price_desc", "rating", "newest");
    }

    @Test
    void priceRangeMustBeOrderedAndNonNegative() {
        problem(api.search("minPrice", "50000", "maxPrice", "100"), 400, "invalid-price-range");
        problem(api.search("minPrice", "-1"), 400, "invalid-price");
        problem(api.search("maxPrice", "12.5"), 400, "invalid-price");
        assertThat(api.search("minPrice", "20000", "maxPrice", "20000").total()).isEqualTo(1);
    }

    @Test
    void pincodeMustBeSixDigits() {
        for (String pincode : List.of("12345", "4000011", "04000a", "012345", "४०००११", "４０００１１")) {
            assertThat(problem(api.search("pincode", pincode), 400, "invalid-pincode")
                            .path("detail")
                            .stringValue())
                    .as(pincode)
                    .isEqualTo(Pincodes.MESSAGE);
        }
    }

    @Test
    void querySyntaxAndJsonInQAreJustWords() {
        for (String q : List.of(
                "title:foo AND (",
                "{\"query\":{\"match_all\":{}}}",
                "bottle OR * \\ \" ~2 ^9 /re.*/",
                "<script>alert(1)</script>",
                "'; DROP TABLE items; --",
                "\u0000\u0007")) {
            var answer = api.search("q", q);
            assertThat(answer.status()).as(q).isEqualTo(200);
            assertThat(answer.total()).as(q).isLessThan(30);
        }
        // The words still count: "bottle" among operators and brackets finds bottles only.
        for (String q : List.of("bottle AND (", "\"bottle", "bottle)) ~ *")) {
            assertThat(api.search("q", q).titles())
                    .as(q)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t).contains("bottle"));
        }
    }

    @Test
    void badCursorsAreRefused() {
        problem(api.search("after", "not-a-cursor"), 400, "invalid-cursor");
        problem(api.search("after", "%%%"), 400, "invalid-cursor");
        problem(api.search("after", encode("[1,2]")), 400, "invalid-cursor");
        problem(api.search("after", encode("{\"s\":\"relevance\",\"v\":[1.0]}")), 400, "invalid-cursor");
        problem(api.search("after", "x".repeat(5_000)), 400, "invalid-cursor");
        // Values of the wrong type for the sort: Elasticsearch refuses them, the client gets the 400.
        problem(
                api.search("sort", "price_asc", "after", encode("{\"s\":\"price_asc\",\"v\":[\"cheap\",\"id\"]}")),
                400,
                "invalid-cursor");
        String priceCursor = api.search("sort", "price_asc", "size", "5")
                .body()
                .path("nextAfter")
                .stringValue();
        problem(api.search("sort", "rating", "after", priceCursor), 400, "invalid-cursor");
        problem(api.search("sort", "price_asc", "page", "2", "after", priceCursor), 400, "invalid-page");
        assertThat(api.search("sort", "price_asc", "size", "5", "after", priceCursor)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void badFilters() {
        problem(api.search("brand", "b".repeat(300)), 400, "invalid-filter");
        problem(api.search("attr.", "x"), 400, "invalid-filter");
        problem(api.search("q", "a", "q", "b"), 400, "invalid-parameter");
        assertThat(api.search("attr.Color", "Red").total()).isZero();
        assertThat(api.search("category", "No >> Such >> Category").total()).isZero();
        assertThat(api.search("brand", "MILTON").total()).isEqualTo(10);
    }

    @Test
    void suggestInput() {
        problem(api.suggest(), 400, "missing-query");
        problem(api.suggest("q", "  "), 400, "missing-query");
        problem(api.suggest("q", "a".repeat(1024)), 400, "query-too-long");
        problem(api.suggest("q", "bot", "size", "0"), 400, "invalid-size");
        problem(api.suggest("q", "bot", "size", "10000"), 400, "invalid-size");
        problem(api.suggest("q", "bot", "size", "many"), 400, "invalid-size");
        assertThat(api.suggest("q", "{\"suggest\":1} (").status()).isEqualTo(200);
        assertThat(api.suggest("q", "steel w").body().path("suggestions").get(0).stringValue())
                .startsWith("Steel water bottle");
    }

    @Test
    void tokensOnThePublicEndpoint() {
        // The starter's resource server rejects a bad token even where anonymous access is allowed:
        // a client that sends a token wants to be that user, and silently searching as anonymous
        // would hide its expired session.
        var bad = api.searchAs("Bearer not.a.jwt");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.raw().getContentType()).startsWith("application/problem+json");
        assertThat(api.searchAs(TestJwts.bearer("user-1", "CUSTOMER")).status()).isEqualTo(200);
        assertThat(api.search().status()).isEqualTo(200);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(SearchApi.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.raw().getContentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").stringValue()).isEqualTo("https://bazaar.dev/problems/" + type);
        return answer.body();
    }
}
