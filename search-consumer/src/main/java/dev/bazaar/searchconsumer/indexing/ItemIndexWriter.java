package dev.bazaar.searchconsumer.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.bazaar.searchconsumer.SearchConsumerProperties;
import dev.bazaar.searchconsumer.index.ItemIndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of changes with one {@code mget} and one {@code _bulk} through the alias.
 *
 * <p>Writes are optimistic: an existing document is replaced only if its {@code _seq_no} and
 * {@code _primary_term} are still the ones read ({@code if_seq_no}/{@code if_primary_term}), a new
 * one is written with {@code op_type=create}. A document that another writer changed in between
 * (the other listener of this service, or another instance during a rebalance) fails with 409; it
 * is read again and its events merged again, for a bounded number of rounds. Because every merge is
 * guarded by the event versions, re-applying a batch is harmless.
 */
@Component
class ItemIndexWriter {

    private static final Logger log = LoggerFactory.getLogger(ItemIndexWriter.class);

    private final ElasticsearchClient client;
    private final ItemIndexNames names;
    private final IndexingMetrics metrics;
    private final int conflictRounds;

    ItemIndexWriter(
            ElasticsearchClient client,
            ItemIndexNames names,
            IndexingMetrics metrics,
            SearchConsumerProperties properties) {
        this.client = client;
        this.names = names;
        this.metrics = metrics;
        this.conflictRounds = Math.max(1, properties.conflictRounds());
    }

    /**
     * @throws IndexUnavailableException when Elasticsearch cannot take the batch now; the caller retries it
     */
    public Result write(String source, List<ItemChange> changes) {
        Map<String, List<ItemChange>> byItem = new LinkedHashMap<>();
        for (ItemChange change : changes) {
            byItem.computeIfAbsent(change.itemId(), id -> new ArrayList<>()).add(change);
        }
        Map<String, Rejection> rejected = new LinkedHashMap<>();
        long applied = 0;
        long stale = 0;
        long written = 0;
        Set<String> pending = new LinkedHashSet<>(byItem.keySet());
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > conflictRounds) {
                log.warn(
                        "Version conflicts on {} search documents did not settle after {} rounds; retrying the batch",
                        pending.size(),
                        conflictRounds);
                throw new IndexUnavailableException(
                        "Version conflicts did not settle for " + pending.size() + " documents, e.g. "
                                + pending.iterator().next(),
                        null);
            }
            Map<String, Stored> stored = read(pending);
            List<Planned> writes = new ArrayList<>();
            for (String itemId : pending) {
                Planned planned = merge(itemId, stored.get(itemId), byItem.get(itemId));
                if (planned.document() == null) {
                    applied += planned.applied();
                    stale += planned.stale();
                } else {
                    writes.add(planned);
                }
            }
            pending = new LinkedHashSet<>();
            if (writes.isEmpty()) {
                break;
            }
            List<BulkResponseItem> items = bulk(writes).items();
            long conflicts = 0;
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Planned planned = writes.get(i);
                if (item.error() == null) {
                    applied += planned.applied();
                    stale += planned.stale();
                    written++;
                } else if (item.status() == 409) {
                    pending.add(planned.itemId());
                    conflicts++;
                } else if (item.status() == 400) {
                    String reason = item.error().type() + ": " + item.error().reason();
                    rejected.put(planned.itemId(), new Rejection(planned.firstRecordIndex(), reason));
                } else {
                    // 429 (queue full), 5xx, unavailable shards: nothing wrong with the document.
                    throw new IndexUnavailableException(
                            "Elasticsearch could not index " + planned.itemId() + " (" + item.status() + " "
                                    + item.error().type() + ": " + item.error().reason() + ")",
                            null);
                }
            }
            metrics.conflicts(conflicts);
            if (conflicts > 0) {
                log.debug("{} version conflicts in round {}; re-reading those documents", conflicts, round);
            }
        }
        metrics.events(source, "applied", applied);
        metrics.events(source, "stale", stale);
        metrics.documents("written", written);
        metrics.documents("rejected", rejected.size());
        return new Result(applied, stale, written, rejected);
    }

    private static Planned merge(String itemId, Stored stored, List<ItemChange> changes) {
        SearchItem current = stored == null ? null : stored.document();
        SearchItem document = current;
        int applied = 0;
        int stale = 0;
        for (ItemChange change : changes) {
            SearchItem next = change.applyTo(document);
            if (next == document) {
                stale++;
            } else {
                applied++;
                document = next;
            }
        }
        boolean unchanged = document == null || document.equals(current);
        return new Planned(
                itemId,
                unchanged ? null : document,
                stored,
                applied,
                stale,
                changes.get(0).recordIndex());
    }

    private Map<String, Stored> read(Set<String> itemIds) {
        MgetResponse<SearchItem> response;
        try {
            response = client.mget(
                    m -> m.index(names.alias()).ids(List.copyOf(itemIds)).realtime(true), SearchItem.class);
        } catch (IOException | ElasticsearchException e) {
            throw new IndexUnavailableException("Could not read search documents: " + e.getMessage(), e);
        }
        Map<String, Stored> stored = new HashMap<>();
        for (MultiGetResponseItem<SearchItem> doc : response.docs()) {
            if (doc.isFailure()) {
                throw new IndexUnavailableException(
                        "Could not read search document " + doc.failure().id() + ": "
                                + doc.failure().error().reason(),
                        null);
            }
            GetResult<SearchItem> result = doc.result();
            if (result.found()) {
                stored.put(result.id(), new Stored(result.source(), result.seqNo(), result.primaryTerm()));
            }
        }
        return stored;
    }

    private BulkResponse bulk(List<Planned> writes) {
        List<BulkOperation> operations = new ArrayList<>(writes.size());
        for (Planned planned : writes) {
            Stored stored = planned.stored();
            operations.add(
                    stored == null
                            ? BulkOperation.of(o -> o.create(c ->
                                    c.index(names.alias()).id(planned.itemId()).document(planned.document())))
                            : BulkOperation.of(o -> o.index(i -> i.index(names.alias())
                                    .id(planned.itemId())
                                    .ifSeqNo(stored.seqNo())
                                    .ifPrimaryTerm(stored.primaryTerm())
                                    .document(planned.document()))));
        }
        // require_alias: if the alias were missing, Elasticsearch would otherwise auto-create a
        // concrete index named like it with a guessed mapping; this way the write fails and is retried.
        try {
            return metrics.bulkTimer()
                    .recordCallable(() -> client.bulk(b -> b.requireAlias(true).operations(operations)));
        } catch (IOException | ElasticsearchException e) {
            throw new IndexUnavailableException("Bulk write to " + names.alias() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IndexUnavailableException("Bulk write to " + names.alias() + " failed: " + e, e);
        }
    }

    /** What a batch did; {@code rejected} maps item ids to the malformed documents Elasticsearch refused. */
    public record Result(long applied, long stale, long written, Map<String, Rejection> rejected) {}

    /** A refused document and the first record of the batch that contributed to it. */
    public record Rejection(int firstRecordIndex, String reason) {}

    private record Stored(SearchItem document, long seqNo, long primaryTerm) {}

    private record Planned(
            String itemId, SearchItem document, Stored stored, int applied, int stale, int firstRecordIndex) {}
}
