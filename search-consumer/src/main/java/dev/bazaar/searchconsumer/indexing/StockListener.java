package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.inventory.StockChanged;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code inventory.stock.v1}: keeps {@code inStock} (and so {@code listed}) of each document current. */
@Component
class StockListener {

    static final String SOURCE = "stock";

    private final BatchIndexer indexer;
    private final JsonMapper json;

    StockListener(BatchIndexer indexer, JsonMapper json) {
        this.indexer = indexer;
        this.json = json;
    }

    @KafkaListener(
            id = "search-inventory-stock",
            idIsGroup = false,
            batch = "true",
            topics = "${bazaar.kafka.topic-prefix:}" + Topics.INVENTORY_STOCK)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        indexer.index(SOURCE, records, this::read);
    }

    private ItemChange read(ConsumerRecord<String, byte[]> record, int index) {
        StockChanged event = json.readValue(record.value(), StockChanged.class);
        EventChecks.require(event.itemId() != null && !event.itemId().isBlank(), "no itemId");
        EventChecks.require(event.version() > 0, "stock version must be positive");
        return new ItemChange.Stock(event, index);
    }
}
