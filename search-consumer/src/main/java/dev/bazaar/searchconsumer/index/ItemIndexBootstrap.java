package dev.bazaar.searchconsumer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.bazaar.contracts.search.ItemSearchIndex;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes sure the alias exists before any listener starts (singletons are initialised before
 * lifecycle beans such as listener containers start), so every write can go through the alias.
 *
 * <p>Idempotent and safe when several instances start at once: an existing alias is left alone
 * (it may point at {@code items_v2} after a reindex), a concurrent creation of the index is
 * {@code resource_already_exists_exception} and ignored, and adding an alias that already points
 * at the index is a no-op for Elasticsearch.
 */
class ItemIndexBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ItemIndexBootstrap.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final ElasticsearchClient client;
    private final ItemIndexNames names;
    private final Duration timeout;

    ItemIndexBootstrap(ElasticsearchClient client, ItemIndexNames names, Duration timeout) {
        this.client = client;
        this.names = names;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Elasticsearch may still be starting (docker compose, ./bazaar up): wait a bounded time,
        // then fail start-up so the problem is visible instead of a consumer that cannot write.
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                ensureIndex();
                return;
            } catch (IOException | ElasticsearchException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "Could not create the search index alias " + names.alias() + " within " + timeout, e);
                }
                log.warn("Elasticsearch not ready for the index bootstrap ({}); retrying", e.getMessage());
                sleep();
            }
        }
    }

    /** Creates {@code <prefix>items_v1} and the alias unless the alias already exists. */
    public Outcome ensureIndex() throws IOException {
        if (client.indices().existsAlias(a -> a.name(names.alias())).value()) {
            return Outcome.ALIAS_EXISTED;
        }
        Outcome outcome = Outcome.CREATED;
        try {
            client.indices()
                    .create(c ->
                            c.index(names.currentIndex()).withJson(new StringReader(ItemSearchIndex.definitionJson())));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            outcome = Outcome.INDEX_EXISTED;
        }
        client.indices()
                .updateAliases(u -> u.actions(
                        a -> a.add(add -> add.index(names.currentIndex()).alias(names.alias()))));
        log.info("Search index {} ready behind alias {} ({})", names.currentIndex(), names.alias(), outcome);
        return outcome;
    }

    public enum Outcome {
        ALIAS_EXISTED,
        INDEX_EXISTED,
        CREATED
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting for Elasticsearch", e));
        }
    }
}
