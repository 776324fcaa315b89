package dev.bazaar.item.browse;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.bazaar.item.catalog.ItemContent;
import dev.bazaar.item.catalog.ItemDocument;
import dev.bazaar.item.catalog.ItemIdParameter;
import dev.bazaar.item.catalog.ItemStore;
import dev.bazaar.item.catalog.ItemView;
import dev.bazaar.starter.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads: one item, many items at once (for carts, orders, search results), and listings. */
@RestController
@RequestMapping("/api/items")
class ItemQueryController {

    static final int MAX_BULK_IDS = 500;
    static final int MAX_PAGE_SIZE = 100;
    private static final String ATTRIBUTE_PARAM = "attr.";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[\\p{L}\\p{N} _-]{1,64}");

    private final ItemStore store;

    ItemQueryController(ItemStore store) {
        this.store = store;
    }

    @GetMapping("/{itemId}")
    ResponseEntity<ItemView> get(@PathVariable String itemId) {
        ItemView item = store.find(ItemIdParameter.valid(itemId))
                .map(ItemView::of)
                .orElseThrow(() -> ApiProblem.notFound("Item", itemId));
        return ResponseEntity.ok().eTag(item.etag()).body(item);
    }

    record BulkGetRequest(
            @NotEmpty @Size(max = MAX_BULK_IDS) List<@NotNull String> ids) {}

    record BulkGetResponse(List<ItemView> items, List<String> missing) {}

    /** Found items in request order (duplicates collapsed) and the ids that do not exist. */
    @PostMapping("/bulk-get")
    BulkGetResponse bulkGet(@Valid @RequestBody BulkGetRequest request) {
        var ids = new LinkedHashSet<String>();
        request.ids().forEach(id -> ids.add(ItemIdParameter.valid(id)));
        Map<String, ItemDocument> found = store.findAll(ids);
        List<ItemView> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            ItemDocument item = found.get(id);
            if (item == null) {
                missing.add(id);
            } else {
                items.add(ItemView.of(item));
            }
        }
        return new BulkGetResponse(items, missing);
    }

    record ItemPage(List<ItemView> items, int page, int size, long totalElements) {}

    /**
     * Items of a supplier and/or a category subtree ({@code A>>B} lists everything under it), with
     * optional attribute filters {@code attr.<name>=<value>}; sorted by item id, so pages are stable.
     */
    @GetMapping
    @Operation(
            summary = "Items of a supplier and/or a category subtree (A>>B), sorted by item id",
            description = "Attribute filters: attr.<name>=<value> (not listed below).")
    ItemPage list(
            @RequestParam(required = false) String supplierId,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        Criteria filter = filter(supplierId, category, parameters);
        List<ItemView> items = store.list(filter, (long) page * size, size).stream()
                .map(ItemView::of)
                .toList();
        return new ItemPage(items, page, size, store.count(filter));
    }

    private static Criteria filter(String supplierId, String category, Map<String, String> parameters) {
        List<Criteria> clauses = new ArrayList<>();
        if (supplierId != null && !supplierId.isBlank()) {
            clauses.add(where("supplierId").is(supplierId));
        }
        if (category != null && !category.isBlank()) {
            List<String> levels = Arrays.stream(category.split(Pattern.quote(ItemContent.CATEGORY_SEPARATOR)))
                    .map(String::trim)
                    .toList();
            List<String> prefixes = ItemContent.categoryPrefixes(levels);
            clauses.add(where("categoryPrefixes").is(prefixes.get(prefixes.size() - 1)));
        }
        parameters.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PARAM)) {
                String attribute = name.substring(ATTRIBUTE_PARAM.length());
                if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
                    throw ApiProblem.badRequest(
                            "invalid-attribute-filter",
                            "Attribute filters look like attr.<name>=<value>; '" + attribute + "' is not a valid name");
                }
                clauses.add(where("attributes." + attribute).is(value));
            }
        });
        return clauses.isEmpty() ? new Criteria() : new Criteria().andOperator(clauses);
    }
}
