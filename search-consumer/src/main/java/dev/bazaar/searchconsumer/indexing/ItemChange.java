package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;

/**
 * One readable event of a batch, remembered with its position in the batch so that a document
 * Elasticsearch rejects can be traced back to the record that caused it.
 */
sealed interface ItemChange {

    String itemId();

    /** Index of the record in the listener's batch. */
    int recordIndex();

    /** The document after this event, or {@code current} itself when the event is stale. */
    SearchItem applyTo(SearchItem current);

    record Catalogue(CatalogItemChanged event, int recordIndex) implements ItemChange {
        @Override
        public String itemId() {
            return event.item().itemId();
        }

        @Override
        public SearchItem applyTo(SearchItem current) {
            return ItemProjection.apply(current, event);
        }
    }

    record Stock(StockChanged event, int recordIndex) implements ItemChange {
        @Override
        public String itemId() {
            return event.itemId();
        }

        @Override
        public SearchItem applyTo(SearchItem current) {
            return ItemProjection.apply(current, event);
        }
    }
}
