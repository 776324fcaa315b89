package dev.bazaar.starter.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;

/**
 * What every servlet service's OpenAPI document says the same way:
 * <ul>
 * <li>the platform's error shape (RFC 9457 problem+json, as {@code ProblemDetailsExceptionHandler} and
 * {@code ApiProblem} write it) as the {@code Problem} schema, and on every operation the errors it can
 * answer: 400 and 500 always, 404 when the path names a resource;</li>
 * <li>in services that verify JWTs, the {@code bearerAuth} scheme, required (with 401 and 403) by every
 * operation that is not public in the service's security configuration.</li>
 * </ul>
 * A status an operation declares itself keeps its own description. Runs after the service's own
 * customizers (e.g. inbound-service's API-key scheme), so what they declare comes first.
 */
public class PlatformApiDocs implements OpenApiCustomizer, Ordered {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    public static final String BEARER_SCHEME = "bearerAuth";
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Whether anyone may call (method, path template); null in a service without JWT security. */
    private final BiPredicate<HttpMethod, String> isPublic;

    public PlatformApiDocs(BiPredicate<HttpMethod, String> isPublic) {
        this.isPublic = isPublic;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        components.addSchemas(
                FIELD_ERROR_SCHEMA,
                new ObjectSchema()
                        .description("One invalid field of a request.")
                        .addProperty("field", new StringSchema().example("email"))
                        .addProperty("message", new StringSchema().example("must be a well-formed email address")));
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (isPublic != null) {
            components.addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token from POST /api/users/login (RS256, verified against "
                                    + "user-service's JWKS)."));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    addProblem(
                            operation,
                            400,
                            "The request is not valid (a validation-error lists the fields in errors).");
                    if (path.contains("{")) {
                        addProblem(operation, 404, "Nothing exists at this path.");
                    }
                    addProblem(operation, 500, "An unexpected error; the service logged it and gives no details.");
                    if (isPublic != null && !isPublic.test(HttpMethod.valueOf(method.name()), path)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
                        addProblem(operation, 401, "No valid bearer token.");
                        addProblem(operation, 403, "The token's roles do not allow this.");
                    }
                    sortByStatus(operation);
                }));
    }

    /** Adds a problem+json response for {@code status} unless the operation declares that status itself. */
    public static void addProblem(Operation operation, int status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation
                .getResponses()
                .computeIfAbsent(
                        String.valueOf(status),
                        code -> new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
    }

    private static void sortByStatus(Operation operation) {
        var sorted = new ApiResponses();
        operation.getResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((String code) -> code.equals("default"))
                        .thenComparing(Comparator.naturalOrder())))
                .forEach(response -> sorted.addApiResponse(response.getKey(), response.getValue()));
        operation.setResponses(sorted);
    }

    private static Schema<?> problemSchema() {
        var schema = new ObjectSchema()
                .description("RFC 9457 problem details. Clients branch on type; detail is for people. Some "
                        + "problems carry more properties, e.g. currentVersion on a stale-version conflict.")
                .addProperty("type", new StringSchema().format("uri").example("https://bazaar.dev/problems/not-found"))
                .addProperty("title", new StringSchema().example("Item not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("Item 'itm_42' does not exist"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").example("/api/items/itm_42"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("Only on a validation-error: each invalid field.")
                                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)));
        schema.setRequired(List.of("type", "title", "status"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }
}
