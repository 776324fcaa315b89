package dev.bazaar.item.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.item.CatalogEvents;
import dev.bazaar.item.catalog.PublicationIntents;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** OPS create / update / delete with optimistic locking, security and the catalogue events they emit. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAdminIntegrationTests {

    static final String OPS = TestJwts.bearer("ops-1", "OPS");
    static final String CUSTOMER = TestJwts.bearer("user-1", "CUSTOMER");

    @Autowired
    MockMvc mvc;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    PublicationIntents intents;

    CatalogEvents catalog;

    @BeforeAll
    void listen() {
        catalog = new CatalogEvents(names, json, intents);
    }

    @AfterAll
    void close() {
        catalog.close();
    }

    static String body(String sku, String title) {
        return """
                {"supplierId":"ops-supplier","supplierSku":"%s","title":"%s","brand":"Bazaar",
                 "categoryPath":["Home","Lamps"],"price":{"minor":129900,"currency":"INR"},
                 "attributes":{"color":"white","wattage":9},"sizeClass":"MEDIUM"}
                """.formatted(sku, title);
    }

    @Test
    void opsCreatesUpdatesAndDeactivatesWithOptimisticLockingAndEvents() throws Exception {
        String id = ItemIds.of("ops-supplier", "LAMP-1");

        send(post("/api/items"), OPS, body("LAMP-1", "Desk lamp"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/items/" + id))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.active").value(true));

        send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\""), OPS, body("LAMP-1", "Desk lamp, LED"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.title").value("Desk lamp, LED"));

        // Someone still holding version 1 loses, and learns the current version.
        send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\""), OPS, body("LAMP-1", "Old edit"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/stale-version"))
                .andExpect(jsonPath("$.currentVersion").value(2));

        // The same content again is no change: no new version, no event.
        send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"2\""), OPS, body("LAMP-1", "Desk lamp, LED"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));

        mvc.perform(delete("/api/items/{id}", id)
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .header(HttpHeaders.AUTHORIZATION, OPS))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/items/{id}", id)
                        .header(HttpHeaders.IF_MATCH, "\"2\"")
                        .header(HttpHeaders.AUTHORIZATION, OPS))
                .andExpect(status().isNoContent())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));

        mvc.perform(get("/api/items/{id}", id))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.version").value(3));
        List<CatalogItemChanged> events = catalog.await(id, 3);
        assertThat(events)
                .extracting(CatalogItemChanged::change)
                .containsExactly(Change.CREATED, Change.UPDATED, Change.DEACTIVATED);
        assertThat(events).extracting(event -> event.item().version()).containsExactly(1L, 2L, 3L);
        assertThat(catalog.settled(id)).hasSize(3);
    }

    @Test
    void creatingAnExistingSupplierSkuIsAConflict() throws Exception {
        send(post("/api/items"), OPS, body("LAMP-2", "Floor lamp")).andExpect(status().isCreated());
        send(post("/api/items"), OPS, body("LAMP-2", "Floor lamp"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/item-exists"))
                .andExpect(jsonPath("$.currentVersion").value(1));
    }

    @Test
    void writesNeedATokenAndTheOpsRole() throws Exception {
        problem(send(post("/api/items"), null, body("LAMP-3", "Lamp")), 401, "unauthorized");
        problem(send(post("/api/items"), CUSTOMER, body("LAMP-3", "Lamp")), 403, "forbidden");
        String id = ItemIds.of("ops-supplier", "LAMP-3");
        problem(
                send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\""), CUSTOMER, body("LAMP-3", "L")),
                403,
                "forbidden");
        problem(mvc.perform(delete("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")), 401, "unauthorized");
        problem(
                mvc.perform(delete("/api/items/{id}", id)
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .header(HttpHeaders.AUTHORIZATION, CUSTOMER)),
                403,
                "forbidden");
    }

    @Test
    void badInputIsAProblem() throws Exception {
        problem(send(post("/api/items"), OPS, "{\"title\":"), 400, "bad-request");
        problem(
                send(post("/api/items"), OPS, body("LAMP-4", "Lamp").replace("129900", "\"cheap\"")),
                400,
                "bad-request");
        problem(
                send(post("/api/items"), OPS, body("LAMP-4", "Lamp").replace("\"INR\"", "\"RUPEES\"")),
                400,
                "bad-request");
        problem(send(post("/api/items"), OPS, body("LAMP-4", "")), 400, "validation-error")
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        problem(send(post("/api/items"), OPS, body("LAMP-4", "Lamp").replace("129900", "-1")), 400, "validation-error");
        problem(
                send(post("/api/items"), OPS, body("LAMP-4", "Lamp").replace("\"MEDIUM\"", "\"HUGE\"")),
                400,
                "bad-request");
        problem(send(post("/api/items"), OPS, body("", "Lamp")), 400, "validation-error");

        String id = ItemIds.of("ops-supplier", "LAMP-4");
        problem(send(put("/api/items/{id}", id), OPS, body("LAMP-4", "Lamp")), 428, "if-match-required");
        problem(
                send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"abc\""), OPS, body("LAMP-4", "Lamp")),
                400,
                "invalid-if-match");
        problem(
                send(put("/api/items/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\""), OPS, body("LAMP-4", "Lamp")),
                404,
                "not-found");
        problem(
                send(put("/api/items/not-a-uuid").header(HttpHeaders.IF_MATCH, "\"1\""), OPS, body("LAMP-4", "Lamp")),
                400,
                "bad-request");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/" + type));
    }
}
