package dev.bazaar.search.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.bazaar.contracts.search.ItemSearchIndex;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Creates the contract index behind its alias under a test's prefix and bulk-indexes fixture documents. */
public final class SearchIndexFixture {

    public static void create(ElasticsearchClient client, String prefix) {
        try {
            String index = prefix + ItemSearchIndex.CURRENT_INDEX;
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
            }
            client.indices()
                    .create(c -> c.index(index)
                            .withJson(new StringReader(ItemSearchIndex.definitionJson()))
                            .aliases(prefix + ItemSearchIndex.ALIAS, a -> a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void index(ElasticsearchClient client, String prefix, List<ItemDoc> docs) {
        try {
            String index = prefix + ItemSearchIndex.CURRENT_INDEX;
            for (int start = 0; start < docs.size(); start += 1_000) {
                List<BulkOperation> operations = new ArrayList<>();
                for (ItemDoc doc : docs.subList(start, Math.min(docs.size(), start + 1_000))) {
                    operations.add(BulkOperation.of(
                            o -> o.index(i -> i.index(index).id(doc.itemId).document(doc.toDocument()))));
                }
                BulkResponse response = client.bulk(b -> b.operations(operations));
                if (response.errors()) {
                    throw new IllegalStateException("bulk indexing failed: "
                            + response.items().stream()
                                    .filter(item -> item.error() != null)
                                    .findFirst()
                                    .map(item -> item.error().reason())
                                    .orElse("?"));
                }
            }
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void drop(ElasticsearchClient client, String prefix) {
        try {
            client.indices()
                    .delete(d -> d.index(prefix + ItemSearchIndex.CURRENT_INDEX).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchIndexFixture() {}
}
