package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque {@code after} / {@code nextAfter} token: the sort values of the last hit a page used,
 * with the sort they belong to, as base64url JSON. Opaque so clients cannot build one (and we can
 * change its content); it names its sort so a cursor from a price sort is refused on a rating sort.
 */
record SearchCursor(SortOption sort, List<FieldValue> values) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ENCODED_LENGTH = 1_000;

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sort.apiName());
        ArrayNode array = node.putArray("v");
        for (FieldValue value : values) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case Boolean -> array.add(value.booleanValue());
                case String -> array.add(value.stringValue());
                case Null -> array.addNull();
                default -> array.add(String.valueOf(value._get()));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    /** @throws ApiProblem 400 {@code invalid-cursor} for anything this service did not hand out for this sort */
    public static SearchCursor decode(String token, SortOption expectedSort) {
        if (token.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
        if (node == null
                || !node.isObject()
                || !node.path("s").isString()
                || !node.path("v").isArray()) {
            throw invalid();
        }
        if (!expectedSort.apiName().equals(node.get("s").stringValue())) {
            throw ApiProblem.badRequest(
                    "invalid-cursor",
                    "The 'after' cursor belongs to sort '" + node.get("s").stringValue() + "', not '"
                            + expectedSort.apiName() + "'");
        }
        JsonNode array = node.get("v");
        if (array.size() != 2) {
            throw invalid();
        }
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isIntegralNumber()) {
                values.add(FieldValue.of(value.longValue()));
            } else if (value.isNumber()) {
                values.add(FieldValue.of(value.doubleValue()));
            } else if (value.isString()) {
                values.add(FieldValue.of(value.stringValue()));
            } else if (value.isBoolean()) {
                values.add(FieldValue.of(value.booleanValue()));
            } else if (value.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                throw invalid();
            }
        }
        // The tie-breaker is always the item id, a string.
        if (!values.get(1).isString()) {
            throw invalid();
        }
        return new SearchCursor(expectedSort, List.copyOf(values));
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest(
                "invalid-cursor",
                "The 'after' cursor is not one this service handed out; use the nextAfter of a previous answer");
    }
}
