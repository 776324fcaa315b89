package dev.bazaar.searchconsumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import dev.bazaar.searchconsumer.index.ItemIndexNames;
import dev.bazaar.searchconsumer.indexing.SearchItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads the items index through its alias, as search-service does. */
public record SearchIndex(ElasticsearchClient client, ItemIndexNames names) {

    public Optional<SearchItem> find(String itemId) {
        GetResponse<SearchItem> response = get(itemId);
        return response.found() ? Optional.of(response.source()) : Optional.empty();
    }

    /** The document's sequence number: unchanged means nothing was written. */
    public long seqNo(String itemId) {
        return get(itemId).seqNo();
    }

    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(names.alias()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code refresh_interval} the index behind the alias was created with (its contract says 1s). */
    public String refreshInterval() {
        try {
            IndexSettings settings = client.indices()
                    .getSettings(g -> g.index(names.alias()))
                    .settings()
                    .values()
                    .iterator()
                    .next()
                    .settings();
            // Elasticsearch answers {"index": {"refresh_interval": …}}; the client may also read it flat.
            Time interval = settings.index() != null ? settings.index().refreshInterval() : settings.refreshInterval();
            return interval == null ? null : interval.time();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long countBySupplier(String supplierId) {
        refresh();
        try {
            return client.count(c -> c.index(names.alias())
                            .query(q -> q.term(t -> t.field("supplierId").value(supplierId))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a shopper's search would show the item now: a search (no refresh forced, so what the
     * index's periodic refresh has made visible) for the listed item with this id.
     */
    public boolean listedInSearch(String itemId) {
        try {
            return client.count(c -> c.index(names.alias())
                                    .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(itemId)))
                                            .filter(f -> f.term(
                                                    t -> t.field("listed").value(true))))))
                            .count()
                    > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every index behind the alias (test clean-up; names are per test class). */
    public void drop() {
        try {
            var aliases = client.indices()
                    .getAlias(a -> a.name(names.alias()))
                    .aliases()
                    .keySet();
            for (String index : aliases) {
                client.indices().delete(d -> d.index(index));
            }
        } catch (IOException | RuntimeException e) {
            // nothing to drop
        }
    }

    private GetResponse<SearchItem> get(String itemId) {
        try {
            return client.get(g -> g.index(names.alias()).id(itemId), SearchItem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
