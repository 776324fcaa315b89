package dev.bazaar.inbound.translation;

import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bazaar's own format: a JSON array of items shaped like {@code CanonicalItem} (README "Formats").
 * The file is read with the streaming parser, one array element at a time: only the current item
 * is ever a tree in memory.
 */
@Component
class CanonicalJsonFormat implements SupplierFormat {

    private final JsonMapper json;
    /** Reads one array element; the rest of the array after it is not "trailing content". */
    private final ObjectReader element;

    public CanonicalJsonFormat(JsonMapper json) {
        this.json = json;
        this.element = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public String name() {
        return "canonical-json";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public void checkRequest(Path spool) throws IOException {
        try (JsonParser parser = json.createParser(Files.newInputStream(spool))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ApiProblem.badRequest("empty-body", "The JSON body is empty.");
            }
            if (first != JsonToken.START_ARRAY) {
                throw ApiProblem.badRequest(
                        "invalid-json",
                        "The body must be a JSON array of items, it starts with " + first.asString() + ".");
            }
            long items = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                items++;
            }
            if (parser.nextToken() != null) {
                throw malformed("there is content after the closing ]", parser.currentLocation());
            }
            if (items == 0) {
                throw ApiProblem.badRequest("empty-body", "The JSON array has no items.");
            }
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage(), e.getLocation());
        }
    }

    private static ApiProblem malformed(String why, TokenStreamLocation at) {
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ApiProblem.badRequest("invalid-json", "The body is not well-formed JSON" + where + ": " + why);
    }

    @Override
    public SupplierRows open(Path spool, String supplierId) throws IOException {
        JsonParser parser = json.createParser(Files.newInputStream(spool));
        parser.nextToken(); // the opening [ (checked when the import was received)
        return new SupplierRows() {
            long row;

            @Override
            public SupplierRow next() {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return null;
                }
                row++;
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return new SupplierRow.Rejected(row, List.of(new RowFault("row", "must be a JSON object")));
                }
                JsonNode node = element.readValue(parser);
                return ItemRules.toRow(row, draft(node), supplierId, UnaryOperator.identity());
            }

            @Override
            public void close() {
                parser.close();
            }
        };
    }

    ItemDraft draft(JsonNode node) {
        ItemDraft draft = new ItemDraft();
        draft.supplierId = text(draft, node, "supplierId");
        draft.supplierSku = text(draft, node, "supplierSku");
        draft.title = text(draft, node, "title");
        draft.brand = text(draft, node, "brand");
        draft.description = text(draft, node, "description");
        draft.categoryPath = categoryPath(draft, node.get("categoryPath"));
        draft.priceMinor = price(draft, node, "price");
        draft.mrpMinor = price(draft, node, "mrp");
        String currency = text(draft, node, "currency");
        if (currency != null) {
            draft.currency = currency;
        }
        draft.images = strings(draft, node, "images");
        draft.attributes = attributes(draft, node.get("attributes"));
        draft.weightGrams = positiveNumber(draft, node.get("weightGrams"), "weightGrams");
        draft.longestSideCm = longestSide(draft, node.get("dimensionsCm"));
        return draft;
    }

    private static String text(ItemDraft draft, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            draft.fault(field, "must be a string, got " + kind(value));
            return null;
        }
        return value.stringValue().strip();
    }

    /** A number or a numeric string in rupees ({@code 379}, {@code "1299.50"}). */
    private static Long price(ItemDraft draft, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return Prices.toMinor(value.decimalValue());
            }
            if (value.isString()) {
                return Prices.parseRupees(value.stringValue()).orElse(null);
            }
            draft.fault(field, "must be a number of rupees, got " + kind(value));
        } catch (IllegalArgumentException | ArithmeticException e) {
            draft.fault(field, e.getMessage() == null ? "is not a valid amount" : e.getMessage());
        }
        return null;
    }

    private static List<String> categoryPath(ItemDraft draft, JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return CategoryTrees.parse(value.stringValue()); // "A >> B" is accepted too
        }
        return stringArray(draft, value, "categoryPath");
    }

    private static List<String> strings(ItemDraft draft, JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? List.of() : stringArray(draft, value, field);
    }

    private static List<String> stringArray(ItemDraft draft, JsonNode value, String field) {
        if (!value.isArray()) {
            draft.fault(field, "must be an array of strings, got " + kind(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                draft.fault(field, "must be an array of strings, has " + kind(element));
                return List.of();
            }
            result.add(element.stringValue().strip());
        }
        return result;
    }

    /** Free-form attributes, typed: strings, numbers and booleans; nested structures are refused. */
    private static Map<String, Object> attributes(ItemDraft draft, JsonNode value) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return attributes;
        }
        if (!value.isObject()) {
            draft.fault("attributes", "must be an object, got " + kind(value));
            return attributes;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            if (v.isString()) {
                attributes.put(entry.getKey(), v.stringValue());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                attributes.put(entry.getKey(), v.longValue());
            } else if (v.isNumber()) {
                attributes.put(entry.getKey(), v.decimalValue());
            } else if (v.isBoolean()) {
                attributes.put(entry.getKey(), v.booleanValue());
            } else {
                draft.fault("attributes." + entry.getKey(), "must be a string, number or boolean, got " + kind(v));
            }
        }
        return attributes;
    }

    private static Double longestSide(ItemDraft draft, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            draft.fault("dimensionsCm", "must be an object {length, width, height}, got " + kind(value));
            return null;
        }
        Double longest = null;
        for (String side : List.of("length", "width", "height")) {
            Double cm = positiveNumber(draft, value.get(side), "dimensionsCm." + side);
            if (cm != null && (longest == null || cm > longest)) {
                longest = cm;
            }
        }
        return longest;
    }

    private static Double positiveNumber(ItemDraft draft, JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().compareTo(BigDecimal.ZERO) < 0) {
            draft.fault(field, "must be a non-negative number, got " + kind(value));
            return null;
        }
        return value.doubleValue();
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
