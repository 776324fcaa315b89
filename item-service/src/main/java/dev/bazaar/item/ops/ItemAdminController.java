package dev.bazaar.item.ops;

import dev.bazaar.item.catalog.ItemIdParameter;
import dev.bazaar.item.catalog.ItemView;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS maintenance of items. Updates and deletes need {@code If-Match: "<version>"} with the
 * version (ETag) the client read; every response carries the new ETag.
 */
@RestController
@RequestMapping("/api/items")
@PreAuthorize("hasRole('OPS')")
class ItemAdminController {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final ItemAdministration administration;

    ItemAdminController(ItemAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    ResponseEntity<ItemView> create(@Valid @RequestBody ItemRequest request) {
        ItemView item = ItemView.of(administration.create(request));
        return ResponseEntity.created(URI.create("/api/items/" + item.itemId()))
                .eTag(item.etag())
                .body(item);
    }

    @PutMapping("/{itemId}")
    ResponseEntity<ItemView> update(
            @PathVariable String itemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ItemRequest request) {
        ItemView item = ItemView.of(
                administration.update(ItemIdParameter.valid(itemId), expectedVersion(ifMatch), request.content()));
        return ResponseEntity.ok().eTag(item.etag()).body(item);
    }

    /** Items are never erased (orders and carts still name them): delete deactivates. */
    @DeleteMapping("/{itemId}")
    ResponseEntity<Void> delete(
            @PathVariable String itemId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ItemView item = ItemView.of(administration.deactivate(ItemIdParameter.valid(itemId), expectedVersion(ifMatch)));
        return ResponseEntity.noContent().eTag(item.etag()).build();
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "if-match-required",
                    "Precondition required",
                    "Send If-Match: \"<version>\" with the version you read (the item's ETag)");
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ApiProblem.badRequest("invalid-if-match", "If-Match must be the item's ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
