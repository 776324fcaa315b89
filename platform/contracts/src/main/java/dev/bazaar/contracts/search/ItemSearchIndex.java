package dev.bazaar.contracts.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Elasticsearch index of shoppable items: search-consumer writes it, search-service reads it.
 * Readers and writers use the alias; the concrete index carries the mapping version, so a mapping
 * change is a reindex into {@code items_v2} and an atomic alias swap.
 *
 * <p>One document per item ({@code _id} = itemId). Catalogue and stock events carry independent
 * version sequences ({@code catalogVersion}, {@code stockVersion}), so documents are written with
 * optimistic concurrency ({@code if_seq_no}) and each sequence is compared field by field.
 * {@code listed} = active and in stock (and known to the catalogue): the only documents shoppers see.
 * Attributes are nested name/value keywords, so thousands of supplier attribute names never become
 * thousands of mapped fields. Money is in minor units ({@code priceMinor}), as in the contracts.
 */
public final class ItemSearchIndex {

    /** The alias every reader and writer uses (prefixed in tests). */
    public static final String ALIAS = "items";

    /** The concrete index behind the alias for the mapping in {@link #definitionJson()}. */
    public static final String CURRENT_INDEX = "items_v1";

    /** Completion context of {@code suggest}: value {@code "true"} for listed items. */
    public static final String SUGGEST_CONTEXT = "listed";

    private ItemSearchIndex() {}

    /** Settings and mappings, as the body of a create-index request. */
    public static String definitionJson() {
        try (InputStream in = ItemSearchIndex.class.getResourceAsStream("items-index.json")) {
            if (in == null) {
                throw new IllegalStateException("items-index.json missing from the contracts jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
