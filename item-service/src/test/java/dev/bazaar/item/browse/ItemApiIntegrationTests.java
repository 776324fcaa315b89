package dev.bazaar.item.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.item.catalog.ItemChange;
import dev.bazaar.item.catalog.ItemContent;
import dev.bazaar.item.catalog.ItemDocument;
import dev.bazaar.item.catalog.ItemStore;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The public read API over the real local Mongo; no token needed. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemApiIntegrationTests {

    static final String KURTAS = "Clothing>>Women's Clothing>>Kurtas";

    @Autowired
    MockMvc mvc;

    @Autowired
    ItemStore store;

    String kurta1;
    String kurta2;

    @BeforeAll
    void seed() {
        // Five kurtas of supplier "alpha", two sarees of "beta", one cotton shirt of "beta".
        for (int i = 1; i <= 5; i++) {
            insert("alpha", "KUR-" + i, List.of("Clothing", "Women's Clothing", "Kurtas"), "cotton");
        }
        insert("beta", "SAR-1", List.of("Clothing", "Women's Clothing", "Sarees"), "silk");
        insert("beta", "SAR-2", List.of("Clothing", "Women's Clothing", "Sarees"), "silk");
        insert("beta", "SHI-1", List.of("Clothing", "Men's Clothing", "Shirts"), "cotton");
        kurta1 = ItemIds.of("alpha", "KUR-1");
        kurta2 = ItemIds.of("alpha", "KUR-2");
    }

    private void insert(String supplierId, String sku, List<String> categoryPath, String fabric) {
        var content = new ItemContent(
                "Item " + sku,
                "Brand",
                categoryPath,
                Money.inr(10_000),
                null,
                List.of(),
                "desc",
                Map.of("fabric", fabric),
                SizeClass.SMALL,
                true);
        store.insert(ItemDocument.created(
                ItemIds.of(supplierId, sku),
                supplierId,
                sku,
                1,
                content,
                ItemChange.of(Change.CREATED, Instant.now())));
    }

    /** The API docs say which calls need a token and how errors look, as they do. */
    @Test
    void theApiDocsListThePublicReadsAndTheOpsWrites() throws Exception {
        ApiDocument doc = ApiDocument.parse(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        doc.assertPlatformConventions("item-service")
                .assertBearerScheme()
                .assertOperations(
                        "GET /api/items/{itemId}",
                        "POST /api/items/bulk-get",
                        "GET /api/items",
                        "POST /api/items",
                        "PUT /api/items/{itemId}",
                        "DELETE /api/items/{itemId}");
        assertThat(doc.securityOf("GET /api/items/{itemId}")).isEmpty();
        assertThat(doc.securityOf("POST /api/items/bulk-get")).isEmpty();
        assertThat(doc.securityOf("PUT /api/items/{itemId}")).containsExactly(ApiDocument.BEARER);
        // The attribute filters are read as one map, which is not a parameter a client sends.
        assertThat(doc.operation("GET /api/items").getParameters())
                .extracting(parameter -> parameter.getName())
                .containsExactlyInAnyOrder("supplierId", "category", "page", "size");
        doc.assertProblemResponse("GET /api/items/{itemId}", 404)
                .assertProblemResponse("POST /api/items/bulk-get", 400)
                .assertProblemResponse("DELETE /api/items/{itemId}", 403);
    }

    @Test
    void getReturnsTheItemWithItsVersionAsETag() throws Exception {
        mvc.perform(get("/api/items/{id}", kurta1))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.itemId").value(kurta1))
                .andExpect(jsonPath("$.supplierSku").value("KUR-1"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.price.minor").value(10_000))
                .andExpect(jsonPath("$.attributes.fabric").value("cotton"))
                .andExpect(jsonPath("$.contentHash").doesNotExist())
                .andExpect(jsonPath("$.supplierVersion").doesNotExist());
    }

    @Test
    void unknownItemIsANotFoundProblem() throws Exception {
        expectProblem(mvc.perform(get("/api/items/{id}", UUID.randomUUID())), 404, "not-found");
    }

    @Test
    void anIdThatIsNotAUuidIsABadRequestProblem() throws Exception {
        for (String id : List.of("not-a-uuid", "1-1-1-1-1", kurta1.toUpperCase(Locale.ROOT))) {
            expectProblem(mvc.perform(get("/api/items/{id}", id)), 400, "bad-request")
                    .andExpect(jsonPath("$.detail").value(ItemIds.MESSAGE));
            expectProblem(bulkGet("{\"ids\":[\"" + kurta1 + "\",\"" + id + "\"]}"), 400, "bad-request")
                    .andExpect(jsonPath("$.detail").value(ItemIds.MESSAGE));
        }
    }

    @Test
    void bulkGetKeepsRequestOrderCollapsesDuplicatesAndListsMissingIds() throws Exception {
        String unknown = UUID.randomUUID().toString();
        bulkGet("{\"ids\":[\"" + kurta2 + "\",\"" + unknown + "\",\"" + kurta1 + "\",\"" + kurta2 + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].itemId").value(kurta2))
                .andExpect(jsonPath("$.items[1].itemId").value(kurta1))
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(jsonPath("$.missing[0]").value(unknown));
    }

    @Test
    void bulkGetAcceptsFiveHundredIdsAndRejectsMore() throws Exception {
        bulkGet(idsJson(500)).andExpect(status().isOk()).andExpect(jsonPath("$.missing", hasSize(500)));
        expectProblem(bulkGet(idsJson(501)), 400, "validation-error")
                .andExpect(jsonPath("$.errors[0].field").value(containsString("ids")));
    }

    @Test
    void bulkGetRejectsEmptyMalformedAndWronglyTypedInput() throws Exception {
        expectProblem(bulkGet("{\"ids\":[]}"), 400, "validation-error");
        expectProblem(bulkGet("{}"), 400, "validation-error");
        expectProblem(bulkGet("{\"ids\":[\"not-a-uuid\"]}"), 400, "bad-request");
        expectProblem(bulkGet("{\"ids\":\"" + kurta1 + "\"}"), 400, "bad-request");
        expectProblem(bulkGet("{\"ids\":[null]}"), 400, "validation-error");
        expectProblem(bulkGet("{\"ids\":[\"" + kurta1), 400, "bad-request");
    }

    @Test
    void listsBySupplierPageByPageInAStableOrder() throws Exception {
        List<String> alphaIds = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> ItemIds.of("alpha", "KUR-" + i))
                .sorted()
                .toList();
        mvc.perform(get("/api/items").param("supplierId", "alpha").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(5))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[0].itemId").value(alphaIds.get(0)))
                .andExpect(jsonPath("$.items[1].itemId").value(alphaIds.get(1)));
        mvc.perform(get("/api/items")
                        .param("supplierId", "alpha")
                        .param("size", "2")
                        .param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].itemId").value(alphaIds.get(4)));
    }

    @Test
    void listsACategorySubtreeAndFiltersByAttribute() throws Exception {
        mvc.perform(get("/api/items").param("category", "Clothing>>Women's Clothing"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(7));
        mvc.perform(get("/api/items").param("category", KURTAS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(5));
        mvc.perform(get("/api/items").param("category", "Clothing").param("supplierId", "beta"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3));
        mvc.perform(get("/api/items").param("category", "Clothing").param("attr.fabric", "cotton"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(6));
        mvc.perform(get("/api/items").param("category", "Clothing>>Kurtas"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void badPagingAndFiltersAreBadRequestProblems() throws Exception {
        expectProblem(mvc.perform(get("/api/items").param("size", "101")), 400, "validation-error");
        expectProblem(mvc.perform(get("/api/items").param("size", "0")), 400, "validation-error");
        expectProblem(mvc.perform(get("/api/items").param("page", "-1")), 400, "validation-error");
        expectProblem(mvc.perform(get("/api/items").param("page", "two")), 400, "bad-request");
        expectProblem(mvc.perform(get("/api/items").param("attr.$where", "1")), 400, "invalid-attribute-filter");
    }

    private ResultActions bulkGet(String body) throws Exception {
        return mvc.perform(post("/api/items/bulk-get")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String idsJson(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "{\"ids\":[", "]}"));
    }

    private static ResultActions expectProblem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/" + type));
    }
}
