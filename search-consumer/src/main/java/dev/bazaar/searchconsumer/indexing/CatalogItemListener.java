package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code catalog.items.v1}: every catalogue change becomes (part of) a search document, a poll at a time. */
@Component
class CatalogItemListener {

    static final String SOURCE = "catalog";

    private final BatchIndexer indexer;
    private final JsonMapper json;

    CatalogItemListener(BatchIndexer indexer, JsonMapper json) {
        this.indexer = indexer;
        this.json = json;
    }

    // Raw records rather than List<CatalogItemChanged>: one unreadable record must not fail the whole
    // batch before we can say which one it is. idIsGroup = false keeps the group spring.application.name.
    @KafkaListener(
            id = "search-catalog-items",
            idIsGroup = false,
            batch = "true",
            topics = "${bazaar.kafka.topic-prefix:}" + Topics.CATALOG_ITEMS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        indexer.index(SOURCE, records, this::read);
    }

    private ItemChange read(ConsumerRecord<String, byte[]> record, int index) {
        CatalogItemChanged event = json.readValue(record.value(), CatalogItemChanged.class);
        CanonicalItem item = event.item();
        EventChecks.require(item != null, "no item");
        EventChecks.require(item.itemId() != null && !item.itemId().isBlank(), "no itemId");
        EventChecks.require(item.version() > 0, "item version must be positive");
        return new ItemChange.Catalogue(event, index);
    }
}
