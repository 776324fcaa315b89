package dev.bazaar.item.ops;

import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.item.catalog.CatalogChangePublisher;
import dev.bazaar.item.catalog.ItemChange;
import dev.bazaar.item.catalog.ItemContent;
import dev.bazaar.item.catalog.ItemDocument;
import dev.bazaar.item.catalog.ItemStore;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * OPS edits with optimistic locking: the caller names the revision it read, the write is a
 * compare-and-set on it in Mongo, and a stale revision is a 409 that tells the current one. Every
 * visible change is published like a supplier change (intent, write, event, intent forgotten).
 */
@Service
class ItemAdministration {

    private final ItemStore store;
    private final CatalogChangePublisher publisher;

    ItemAdministration(ItemStore store, CatalogChangePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    ItemDocument create(ItemRequest request) {
        if (blank(request.supplierId()) || blank(request.supplierSku())) {
            throw ApiProblem.badRequest(
                    "validation-error", "supplierId and supplierSku are required to create an item");
        }
        String id = ItemIds.of(request.supplierId(), request.supplierSku());
        // Supplier version 0: the supplier's own feed (versions from 1) may later take the item over.
        var item = ItemDocument.created(
                id,
                request.supplierId(),
                request.supplierSku(),
                0,
                request.content(),
                ItemChange.of(Change.CREATED, Instant.now()));
        String intent = publisher.intend(List.of(item));
        try {
            store.insert(item);
        } catch (DuplicateKeyException e) {
            publisher.abandon(intent);
            long current = store.find(id).map(ItemDocument::version).orElse(0L);
            throw ApiProblem.conflict("item-exists", "Item '" + id + "' already exists for this supplier SKU")
                    .with("itemId", id)
                    .with("currentVersion", current);
        }
        publisher.publish(List.of(item), List.of(intent));
        return item;
    }

    ItemDocument update(String id, long expectedVersion, ItemContent content) {
        ItemDocument current = current(id, expectedVersion);
        if (content.sameAs(current.content())) {
            return current; // nothing visible changes, so no new revision and no event
        }
        Change change = current.active() && !content.active() ? Change.DEACTIVATED : Change.UPDATED;
        return write(current, content, change);
    }

    ItemDocument deactivate(String id, long expectedVersion) {
        ItemDocument current = current(id, expectedVersion);
        if (!current.active()) {
            return current;
        }
        return write(current, current.content().withActive(false), Change.DEACTIVATED);
    }

    private ItemDocument write(ItemDocument current, ItemContent content, Change change) {
        var itemChange = ItemChange.of(change, Instant.now());
        String intent = publisher.intend(List.of(current.changed(current.supplierVersion(), content, itemChange)));
        ItemDocument written = store.updateIfVersion(
                        current.id(),
                        current.version(),
                        ItemStore.changeUpdate(content, current.supplierVersion(), itemChange))
                .orElse(null);
        if (written == null) {
            publisher.abandon(intent);
            throw stale(current.id());
        }
        publisher.publish(List.of(written), List.of(intent));
        return written;
    }

    private ItemDocument current(String id, long expectedVersion) {
        ItemDocument current = store.find(id).orElseThrow(() -> ApiProblem.notFound("Item", id));
        if (current.version() != expectedVersion) {
            throw staleProblem(id, current.version());
        }
        return current;
    }

    private ApiProblem stale(String id) {
        return staleProblem(id, store.find(id).map(ItemDocument::version).orElse(0L));
    }

    private static ApiProblem staleProblem(String id, long currentVersion) {
        return ApiProblem.conflict(
                        "stale-version",
                        "Item '" + id + "' has changed since you read it; it is now at version " + currentVersion
                                + ". Read it again and retry.")
                .with("currentVersion", currentVersion);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
