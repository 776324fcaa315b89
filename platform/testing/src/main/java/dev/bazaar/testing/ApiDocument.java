package dev.bazaar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OpenAPI document as a client reads it ({@code GET /v3/api-docs}), with the checks every Bazaar
 * service's document must pass. Operations are named {@code "POST /api/users/login"}.
 *
 * <pre>{@code
 * ApiDocument doc = ApiDocument.parse(json);
 * doc.assertPlatformConventions("user-service");
 * doc.assertOperations("POST /api/users/login", "GET /api/users/me");
 * assertThat(doc.securityOf("GET /api/users/me")).containsExactly(ApiDocument.BEARER);
 * }</pre>
 */
public final class ApiDocument {

    public static final String BEARER = "bearerAuth";
    public static final String PROBLEM_JSON = "application/problem+json";

    private final OpenAPI openApi;

    private ApiDocument(OpenAPI openApi) {
        this.openApi = openApi;
    }

    /**
     * Parses {@code json} with swagger-core (OpenAPI 3.0 or 3.1, by its {@code openapi} field) and
     * checks that every local {@code $ref} points at something the document holds.
     */
    public static ApiDocument parse(String json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            String version = tree.path("openapi").asText();
            assertThat(version).as("openapi version").startsWith("3.");
            List<String> dangling = new ArrayList<>();
            collectDanglingRefs(tree, tree, dangling);
            assertThat(dangling).as("$refs that point at nothing").isEmpty();
            var mapper = version.startsWith("3.1") ? Json31.mapper() : Json.mapper();
            return new ApiDocument(mapper.readValue(json, OpenAPI.class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return fail("not an OpenAPI document: " + e.getMessage() + "\n" + json);
        }
    }

    /** {@code GET /v3/api-docs} of a service listening on {@code port} of this machine, without a token. */
    public static ApiDocument fetch(int port) {
        var response = HttpTestClient.local(port).get("/v3/api-docs");
        assertThat(response.status()).as("GET /v3/api-docs: " + response.body()).isEqualTo(200);
        return parse(response.body());
    }

    public OpenAPI openApi() {
        return openApi;
    }

    /**
     * What the platform starter promises: the service's name as title, a version, the one relative
     * server (so "Try it out" calls whoever served the document, e.g. the gateway) and the problem+json
     * {@code Problem} schema with its RFC 9457 fields and the validation errors.
     */
    public ApiDocument assertPlatformConventions(String serviceName) {
        assertThat(openApi.getInfo().getTitle()).isEqualTo(serviceName);
        assertThat(openApi.getInfo().getVersion()).isNotBlank().doesNotContain("@");
        assertThat(openApi.getServers()).extracting(server -> server.getUrl()).containsExactly("/");
        Schema<?> problem = openApi.getComponents().getSchemas().get("Problem");
        assertThat(problem).as("Problem schema").isNotNull();
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "errors");
        Schema<?> fieldError = openApi.getComponents().getSchemas().get("ProblemFieldError");
        assertThat(fieldError.getProperties()).containsOnlyKeys("field", "message");
        return this;
    }

    /** The bearer JWT scheme of services that verify tokens. */
    public ApiDocument assertBearerScheme() {
        SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get(BEARER);
        assertThat(scheme).as(BEARER + " security scheme").isNotNull();
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        return this;
    }

    public ApiDocument assertOperations(String... operations) {
        for (String operation : operations) {
            operation(operation);
        }
        return this;
    }

    /** The names of the security schemes an operation requires (its own list, else the document's). */
    public Set<String> securityOf(String operation) {
        List<SecurityRequirement> requirements = operation(operation).getSecurity() != null
                ? operation(operation).getSecurity()
                : openApi.getSecurity();
        return requirements == null
                ? Set.of()
                : requirements.stream()
                        .flatMap(requirement -> requirement.keySet().stream())
                        .collect(Collectors.toSet());
    }

    /** The operation answers {@code status} as problem+json in the {@code Problem} schema. */
    public ApiDocument assertProblemResponse(String operation, int status) {
        ApiResponse response = operation(operation).getResponses().get(String.valueOf(status));
        assertThat(response).as(operation + " " + status).isNotNull();
        assertThat(response.getContent())
                .as(operation + " " + status + " content")
                .containsKey(PROBLEM_JSON);
        assertThat(response.getContent().get(PROBLEM_JSON).getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        return this;
    }

    public Set<String> responseStatuses(String operation) {
        return operation(operation).getResponses().keySet();
    }

    /** The operation named {@code "METHOD /path"}; fails the test when the document lacks it. */
    public Operation operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(methodAndPath[1]);
        Operation found =
                item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
        if (found == null) {
            fail("no operation " + operation + " in "
                    + (openApi.getPaths() == null ? "{}" : openApi.getPaths().keySet()));
        }
        return found;
    }

    private static void collectDanglingRefs(JsonNode root, JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null
                    && ref.isTextual()
                    && ref.asText().startsWith("#/")
                    && root.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectDanglingRefs(root, child, dangling));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectDanglingRefs(root, child, dangling));
        }
    }
}
