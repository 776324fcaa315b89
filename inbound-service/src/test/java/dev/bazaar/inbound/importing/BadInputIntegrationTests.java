package dev.bazaar.inbound.importing;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.inbound.PublishedItems;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of bad input: request-level faults are a 4xx problem, row-level faults reject only their row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    InboundClient client;
    String apiKey;

    @BeforeEach
    void supplier() {
        client = new InboundClient(port);
        apiKey = client.newSupplierWithKey("acme-" + System.nanoTime() % 100_000);
    }

    /** The API docs say how suppliers and ops authenticate and how errors look, as they do. */
    @Test
    void theApiDocsListTheSupplierApiWithItsKeyAndTheOpsApiWithTheToken() {
        ApiDocument doc = ApiDocument.fetch(port);

        doc.assertPlatformConventions("inbound-service")
                .assertBearerScheme()
                .assertOperations(
                        "POST /api/supplier/catalog",
                        "GET /api/supplier/imports/{importId}",
                        "DELETE /api/supplier/items/{supplierSku}",
                        "POST /api/ops/suppliers",
                        "POST /api/ops/suppliers/{supplierId}/api-keys");
        var apiKey = doc.openApi().getComponents().getSecuritySchemes().get("supplierApiKey");
        assertThat(apiKey.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(apiKey.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(apiKey.getName()).isEqualTo("X-Api-Key");
        assertThat(doc.securityOf("POST /api/supplier/catalog")).containsExactly("supplierApiKey");
        assertThat(doc.securityOf("DELETE /api/supplier/items/{supplierSku}")).containsExactly("supplierApiKey");
        assertThat(doc.securityOf("POST /api/ops/suppliers")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.operation("POST /api/supplier/catalog").getRequestBody().getContent())
                .containsKeys("text/csv", "application/json");
        doc.assertProblemResponse("POST /api/supplier/catalog", 401)
                .assertProblemResponse("POST /api/supplier/catalog", 400)
                .assertProblemResponse("GET /api/supplier/imports/{importId}", 404)
                .assertProblemResponse("POST /api/ops/suppliers", 403);
    }

    @Test
    void requestLevelFaultsAreProblems() {
        assertProblem(
                client.importCatalog(apiKey, "application/json", "[{\"supplierSku\":\"a\", "), 400, "invalid-json");
        assertProblem(client.importCatalog(apiKey, "application/json", "{\"supplierSku\":\"a\"}"), 400, "invalid-json");
        assertProblem(client.importCatalog(apiKey, "application/json", "[] trailing"), 400, "invalid-json");
        assertProblem(client.importCatalog(apiKey, "application/json", "[]"), 400, "empty-body");
        assertProblem(client.importCatalog(apiKey, "application/json", ""), 400, "empty-body");
        assertProblem(client.importCatalog(apiKey, "text/csv", ""), 400, "empty-body");
        assertProblem(client.importCatalog(apiKey, "application/xml", "<items/>"), 415, "unsupported-media-type");
        assertProblem(client.importCatalog(apiKey, null, "[]"), 415, "unsupported-media-type");
        var missing = client.importCatalog(apiKey, "text/csv", "uniq_id,product_name,retail_price\nu1,Mug,100\n");
        assertProblem(missing, 400, "invalid-csv-header");
        assertThat(missing.json().get("missingColumns").toString()).contains("pid", "discounted_price");
        assertProblem(client.importCatalog(apiKey, "text/csv", FLIPKART_HEADER), 400, "empty-body");
    }

    @Test
    void apiKeysAreRequiredValidAndRevocable() {
        assertProblem(client.importCatalog(null, "application/json", "[]"), 401, "invalid-api-key");
        assertProblem(client.importCatalog("bzk_0000.nope", "application/json", "[]"), 401, "invalid-api-key");
        assertProblem(client.get("/api/supplier/imports/x", apiKey + "x"), 401, "invalid-api-key");

        String supplier = "revoked-" + System.nanoTime() % 100_000;
        String key = client.newSupplierWithKey(supplier);
        String keyId = key.substring(4, key.indexOf('.'));
        var revoke = client.http()
                .delete("/api/ops/suppliers/" + supplier + "/api-keys/" + keyId, "Authorization", InboundClient.OPS);
        assertThat(revoke.status()).isEqualTo(204);
        assertProblem(client.importCatalog(key, "application/json", VALID_ITEM), 401, "invalid-api-key");
    }

    @Test
    void opsApiNeedsTheOpsRole() {
        String body = "{\"supplierId\":\"x-1\",\"name\":\"X\"}";
        var noToken = client.http().post("/api/ops/suppliers", body);
        assertProblem(noToken, 401, "unauthorized");
        var shopper = client.http().post("/api/ops/suppliers", body, "Authorization", TestJwts.bearer("u-1", "USER"));
        assertProblem(shopper, 403, "forbidden");
        var invalid = client.http()
                .post(
                        "/api/ops/suppliers",
                        "{\"supplierId\":\"NO SPACES\",\"name\":\"\"}",
                        "Authorization",
                        InboundClient.OPS);
        assertProblem(invalid, 400, "validation-error");
        var unknown =
                client.http().post("/api/ops/suppliers/nobody/api-keys", null, "Authorization", InboundClient.OPS);
        assertProblem(unknown, 404, "not-found");
    }

    @Test
    void rowFaultsRejectOnlyTheirRowsAndEveryValidRowIsPublished() {
        String hugeDescription = "x".repeat(10 * 1024 * 1024);
        String body = "["
                + String.join(
                        ",",
                        VALID_ITEM.substring(1, VALID_ITEM.length() - 1),
                        "{\"supplierSku\":\"wrong-types\",\"title\":42,\"price\":\"cheap\",\"images\":\"http://x\"}",
                        "{\"supplierSku\":\"huge\",\"title\":\"Huge\",\"price\":10,\"description\":\"" + hugeDescription
                                + "\"}",
                        "{\"supplierSku\":\"theirs\",\"supplierId\":\"someone-else\",\"title\":\"Not mine\",\"price\":10}",
                        "{\"supplierSku\":\"no-title\",\"price\":10}",
                        "17",
                        "{\"supplierSku\":\"valid-2\",\"title\":\"Steel bottle\",\"price\":\"249.50\",\"mrp\":300,"
                                + "\"attributes\":{\"Capacity\":\"1 l\",\"Insulated\":true,\"Layers\":2},\"weightGrams\":350}")
                + "]";
        var received = client.importCatalog(apiKey, "application/json", body);
        assertThat(received.status()).isEqualTo(202);
        JsonNode job =
                client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(1));

        assertThat(job.get("counts").get("accepted").longValue()).isEqualTo(2);
        assertThat(job.get("counts").get("rejected").longValue()).isEqualTo(5);
        Map<Long, String> errors = StreamSupport.stream(
                        job.get("errors").get("items").spliterator(), false)
                .collect(Collectors.groupingBy(
                        e -> e.get("row").longValue(),
                        Collectors.mapping(
                                e -> e.get("field").stringValue() + ": "
                                        + e.get("reason").stringValue(),
                                Collectors.joining("; "))));
        assertThat(errors.keySet()).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(errors.get(2L))
                .contains(
                        "title: must be a string",
                        "price: 'cheap' is not a number",
                        "images: must be an array of strings");
        assertThat(errors.get(3L)).contains("description: is 10485760 characters long");
        assertThat(errors.get(4L)).contains("supplierId: names supplier 'someone-else'");
        assertThat(errors.get(5L)).contains("title: is required");
        assertThat(errors.get(6L)).contains("row: must be a JSON object");

        String supplierId = job.get("supplierId").stringValue();
        var published = PublishedItems.all(jdbc, names);
        assertThat(published)
                .extracting(r -> r.key())
                .contains(ItemIds.of(supplierId, "valid-1"), ItemIds.of(supplierId, "valid-2"))
                .doesNotContain(
                        ItemIds.of(supplierId, "wrong-types"),
                        ItemIds.of(supplierId, "huge"),
                        ItemIds.of(supplierId, "theirs"),
                        ItemIds.of("someone-else", "theirs"));
        JsonNode bottle = published.stream()
                .filter(r -> r.key().equals(ItemIds.of(supplierId, "valid-2")))
                .map(r -> json.readTree(r.value()).get("item"))
                .findFirst()
                .orElseThrow();
        assertThat(bottle.get("price").get("minor").longValue()).isEqualTo(24_950);
        assertThat(bottle.get("attributes").get("Insulated").booleanValue()).isTrue();
        assertThat(bottle.get("attributes").get("Layers").intValue()).isEqualTo(2);
        assertThat(bottle.get("sizeClass").stringValue()).isEqualTo("SMALL");
    }

    @Test
    void csvRowFaultsIncludingAHugeCellRejectOnlyTheirRows() {
        String huge = "y".repeat(10 * 1024 * 1024);
        String csv = FLIPKART_HEADER
                + "u1,t,http://x,Good Mug,\"[\"\"Kitchen & Dining >> Mugs\"\"]\",MUG1,300,250,,FALSE,A mug,,,Acme,\n"
                + "u2,t,http://x,Huge Mug,\"[\"\"Kitchen & Dining\"\"]\",MUG2,300,250,,FALSE," + huge + ",,,Acme,\n"
                + "u3,t,http://x,Priced Wrong,\"[\"\"Kitchen & Dining\"\"]\",MUG3,abc,250,,FALSE,,,,Acme,\n"
                + "u4,t,http://x,Too few\n"
                + ",,,,,,,,,,,,,,\n"
                + "u6,t,http://x,Good Plate,\"[\"\"Kitchen & Dining >> Plates\"\"]\",PLATE1,500,,,FALSE,,,,Acme,\n";
        var received = client.importCatalog(apiKey, "text/csv", csv);
        assertThat(received.status()).isEqualTo(202);
        JsonNode job =
                client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(1));
        assertThat(job.get("counts").toString())
                .contains("\"rowsRead\":6", "\"accepted\":2", "\"rejected\":3", "\"skipped\":1");
        List<String> errors = StreamSupport.stream(
                        job.get("errors").get("items").spliterator(), false)
                .map(e -> e.get("row").longValue() + " " + e.get("field").stringValue() + ": "
                        + e.get("reason").stringValue())
                .toList();
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).startsWith("2 description: is longer than"))
                .anySatisfy(e -> assertThat(e).startsWith("3 retail_price: 'abc' is not a number"))
                .anySatisfy(e -> assertThat(e).startsWith("4 row: has 4 fields"));
        String supplierId = job.get("supplierId").stringValue();
        var published = PublishedItems.all(jdbc, names);
        assertThat(published)
                .extracting(r -> r.key())
                .contains(ItemIds.of(supplierId, "MUG1"), ItemIds.of(supplierId, "PLATE1"))
                .doesNotContain(ItemIds.of(supplierId, "MUG2"), ItemIds.of(supplierId, "MUG3"));
    }

    @Test
    void importsAndItemsAreOnlyVisibleToTheirSupplier() {
        var received = client.importCatalog(apiKey, "application/json", VALID_ITEM);
        String importId = received.json().get("importId").stringValue();
        client.awaitFinished(apiKey, importId, Duration.ofMinutes(1));
        String other = client.newSupplierWithKey("other-" + System.nanoTime() % 100_000);

        assertProblem(client.get("/api/supplier/imports/" + importId, other), 404, "not-found");
        assertProblem(client.get("/api/supplier/imports/" + importId + "?size=0", apiKey), 400, "invalid-paging");
        var deleteTheirs = client.delete("/api/supplier/items/valid-1", other);
        assertProblem(deleteTheirs, 404, "not-found");

        var deleted = client.delete("/api/supplier/items/valid-1", apiKey);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("version").longValue()).isEqualTo(2);
        assertThat(deleted.json().get("active").booleanValue()).isFalse();
        String itemId = deleted.json().get("itemId").stringValue();
        var events = PublishedItems.all(jdbc, names).stream()
                .filter(r -> r.key().equals(itemId))
                .toList();
        JsonNode last = json.readTree(events.get(events.size() - 1).value()).get("item");
        assertThat(last.get("version").longValue()).isEqualTo(2);
        assertThat(last.get("active").booleanValue()).isFalse();
        assertThat(last.get("title").stringValue()).isEqualTo("Ceramic mug"); // a full snapshot, not a tombstone
    }

    static final String FLIPKART_HEADER = "uniq_id,crawl_timestamp,product_url,product_name,product_category_tree,pid,"
            + "retail_price,discounted_price,image,is_FK_Advantage_product,description,product_rating,overall_rating,"
            + "brand,product_specifications\n";

    static final String VALID_ITEM = "[{\"supplierSku\":\"valid-1\",\"title\":\"Ceramic mug\",\"brand\":\"Acme\","
            + "\"categoryPath\":[\"Kitchen & Dining\",\"Mugs\"],\"price\":199,\"mrp\":249,"
            + "\"images\":[\"https://img.example/mug.jpg\"],\"attributes\":{\"Material\":\"Ceramic\"}}]";
}
