package dev.bazaar.item.supplierfeed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.item.catalog.CatalogChangePublisher;
import dev.bazaar.item.catalog.ItemChange;
import dev.bazaar.item.catalog.ItemContent;
import dev.bazaar.item.catalog.ItemDocument;
import dev.bazaar.item.catalog.ItemStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of supplier items with at most one read and a few bulk writes:
 * <ol>
 * <li>a supplier's first version of an item (version 1: inbound's ledger has just created it) is
 * inserted without that read, see {@link #insertFirstVersions};</li>
 * <li>read the stored items of the rest ({@code $in} on ids) and decide each item's outcome;</li>
 * <li>record the changes about to be written in one publication intent;</li>
 * <li>one unordered insert of the new items ({@link ItemStore#insertNew}), then one unordered bulk of
 * version-guarded updates for changed ones
 * ({@code _id, version = read, supplierVersion < incoming} in the filter, so nothing written in the
 * meantime and nothing newer is ever overwritten), {@code $max} of the supplier version for
 * unchanged ones (monotonic by itself);</li>
 * <li>items whose write did not apply (someone wrote in between) go round again;</li>
 * <li>the changes are published together, in the background; the intents are forgotten on the
 * broker's ack (until then they let the sweeper finish the job if this process dies).</li>
 * </ol>
 * Replaying a batch is harmless: everything already applied is then stale.
 */
@Component
class SupplierItemImport {

    private static final int MAX_ROUNDS = 5;

    private final ItemStore store;
    private final CatalogChangePublisher publisher;
    private final MeterRegistry meters;

    SupplierItemImport(ItemStore store, CatalogChangePublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.meters = meters;
    }

    void apply(List<ReceivedItem> received) {
        if (received.isEmpty()) {
            return;
        }
        Map<String, ReceivedItem> newest = newestPerItem(received);
        Collection<CanonicalItem> remaining =
                newest.values().stream().map(ReceivedItem::item).toList();
        Map<UpsertOutcome, Integer> outcomes = new EnumMap<>(UpsertOutcome.class);
        List<ItemDocument> changed = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        for (int round = 0; !remaining.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException(remaining.size() + " items kept being changed concurrently");
            }
            Round result = round == 0 ? insertFirstVersions(remaining, intents) : applyOnce(remaining, intents);
            result.applied.forEach(plan -> {
                outcomes.merge(plan.outcome, 1, Integer::sum);
                if (plan.after != null) {
                    changed.add(plan.after);
                }
            });
            remaining = result.retry;
        }
        if (!intents.isEmpty()) {
            publisher.publishInBackground(changed, createdAsReceived(changed, newest), intents);
        }
        outcomes.forEach((outcome, count) ->
                meters.counter("bazaar.items.upserts", "outcome", outcome.tag()).increment(count));
    }

    /** Within one batch only the newest version of an item matters (same key, so same partition, in order). */
    private static Map<String, ReceivedItem> newestPerItem(List<ReceivedItem> received) {
        Map<String, ReceivedItem> newest = new LinkedHashMap<>();
        for (ReceivedItem one : received) {
            newest.merge(
                    one.item().itemId(),
                    one,
                    (a, b) -> b.item().version() > a.item().version() ? b : a);
        }
        return newest;
    }

    /**
     * The JSON of each created item that is, as stored, the item received (equal records: a first
     * version whose lists and attributes needed no defaults), by id. Its event is built around that
     * JSON: serializing every new item again was a fifth of this service's CPU in an import.
     */
    private static Map<String, byte[]> createdAsReceived(List<ItemDocument> changed, Map<String, ReceivedItem> newest) {
        Map<String, byte[]> json = new HashMap<>();
        for (ItemDocument item : changed) {
            ReceivedItem received = newest.get(item.id());
            if (item.lastChange().change() == Change.CREATED
                    && received != null
                    && received.json() != null
                    && item.toCanonical().equals(received.item())) {
                json.put(item.id(), received.json());
            }
        }
        return json;
    }

    /**
     * Inserts the items at supplier version 1 as new without reading them first; the others, and
     * those that exist after all (a replayed batch, a SKU that an earlier ledger knew), go on to
     * the read-and-decide rounds. On a catalogue load nearly every item is new, and the read of
     * each batch found nothing: in the local Mongo it cost as much as the duplicate-key check the
     * insert does anyway. An item that exists is never touched by the insert, and the intent entry
     * of its refused creation is ignored by the sweeper (the item does not hold that event id).
     */
    private Round insertFirstVersions(Collection<CanonicalItem> items, List<String> intents) {
        List<CanonicalItem> firstVersions = new ArrayList<>();
        List<CanonicalItem> rest = new ArrayList<>();
        for (CanonicalItem item : items) {
            (item.version() == 1 ? firstVersions : rest).add(item);
        }
        Round inserted = applyAgainst(firstVersions, Map.of(), intents);
        rest.addAll(inserted.retry);
        return new Round(inserted.applied, rest);
    }

    private Round applyOnce(Collection<CanonicalItem> items, List<String> intents) {
        return applyAgainst(
                items, store.findAll(items.stream().map(CanonicalItem::itemId).toList()), intents);
    }

    /** Decides and writes each item against {@code stored}, the items as read (absent: not stored). */
    private Round applyAgainst(
            Collection<CanonicalItem> items, Map<String, ItemDocument> stored, List<String> intents) {
        Instant now = Instant.now();
        List<Plan> plans = items.stream()
                .map(item -> plan(item, stored.get(item.itemId()), now))
                .toList();
        List<ItemDocument> changes = plans.stream()
                .filter(plan -> plan.after != null)
                .map(Plan::after)
                .toList();
        if (!changes.isEmpty()) {
            intents.add(publisher.intend(changes));
        }

        List<Plan> creations = plans.stream()
                .filter(plan -> plan.outcome == UpsertOutcome.CREATED)
                .toList();
        Set<String> failedInserts =
                store.insertNew(creations.stream().map(Plan::after).toList());
        List<Plan> updates = plans.stream().filter(plan -> plan.update != null).toList();
        int matched = update(updates);

        List<Plan> applied = new ArrayList<>();
        List<CanonicalItem> retry = new ArrayList<>();
        Set<String> notApplied = notApplied(updates, failedInserts, matched);
        for (Plan plan : plans) {
            if (notApplied.contains(plan.item.itemId())) {
                retry.add(plan.item);
            } else {
                applied.add(plan);
            }
        }
        return new Round(applied, retry);
    }

    private static Plan plan(CanonicalItem item, ItemDocument stored, Instant now) {
        ItemContent content = ItemContent.of(item);
        if (stored == null) {
            var created = ItemDocument.created(
                    item.itemId(),
                    item.supplierId(),
                    item.supplierSku(),
                    item.version(),
                    content,
                    ItemChange.of(Change.CREATED, now));
            return new Plan(item, UpsertOutcome.CREATED, created, null, null);
        }
        if (item.version() <= stored.supplierVersion()) {
            return new Plan(item, UpsertOutcome.STALE, null, null, null);
        }
        if (content.sameAs(stored.content())) {
            // Remember the newer version (so an older one arriving later stays stale) without any visible change.
            return new Plan(
                    item,
                    UpsertOutcome.UNCHANGED,
                    null,
                    query(where("_id").is(item.itemId())),
                    new Update().max("supplierVersion", item.version()));
        }
        Change change = stored.active() && !content.active() ? Change.DEACTIVATED : Change.UPDATED;
        ItemChange itemChange = ItemChange.of(change, now);
        var guard = query(where("_id")
                .is(item.itemId())
                .and("version")
                .is(stored.version())
                .and("supplierVersion")
                .lt(item.version()));
        return new Plan(
                item,
                UpsertOutcome.UPDATED,
                stored.changed(item.version(), content, itemChange),
                guard,
                ItemStore.changeUpdate(content, item.version(), itemChange));
    }

    /** One unordered bulk of the guarded and {@code $max} updates; returns how many matched their filter. */
    private int update(List<Plan> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = store.template().bulkOps(BulkMode.UNORDERED, ItemDocument.class);
        updates.forEach(plan -> bulk.updateOne(plan.filter, plan.update));
        return bulk.execute().getMatchedCount();
    }

    /**
     * Guarded updates report only a total match count; when it falls short, one read tells which
     * items someone else wrote in between: those go round again and are decided afresh.
     */
    private Set<String> notApplied(List<Plan> updates, Set<String> failedInserts, int matched) {
        if (matched >= updates.size()) {
            return failedInserts;
        }
        Map<String, ItemDocument> now =
                store.findAll(updates.stream().map(plan -> plan.item.itemId()).toList());
        Set<String> missed = new HashSet<>(failedInserts);
        for (Plan plan : updates) {
            ItemDocument current = now.get(plan.item.itemId());
            boolean applied = plan.outcome == UpsertOutcome.UNCHANGED
                    ? current.supplierVersion() >= plan.item.version()
                    : current.writtenWith(plan.after.lastChange().eventId());
            if (!applied) {
                missed.add(plan.item.itemId());
            }
        }
        return missed;
    }

    private record Plan(CanonicalItem item, UpsertOutcome outcome, ItemDocument after, Query filter, Update update) {}

    private record Round(List<Plan> applied, List<CanonicalItem> retry) {}
}
