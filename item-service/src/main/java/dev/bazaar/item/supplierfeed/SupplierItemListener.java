package dev.bazaar.item.supplierfeed;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code supplier.items.v1} a poll at a time (up to {@code max.poll.records}), so a whole
 * batch costs one Mongo read, one bulk write and one round of Kafka acks.
 *
 * <p>A record that cannot be an item (unreadable JSON, missing identity, an id that does not match
 * its supplier SKU) is poison: the records before it are applied, then it is reported by index so
 * the platform's error handler commits those, parks it in {@code supplier.items.v1.dlt} with the
 * error and carries on with the rest.
 */
@Component
class SupplierItemListener {

    private final SupplierItemImport importer;
    private final ObjectReader items;

    SupplierItemListener(SupplierItemImport importer, JsonMapper json) {
        this.importer = importer;
        this.items = ReceivedItem.itemReader(json);
    }

    // idIsGroup = false: the consumer group stays spring.application.name (per test class in tests).
    // The topic is partitioned by itemId, so consumers (instances, or threads of one) apply different
    // items in parallel. Two threads per instance by default: each batch waits on Mongo for about
    // as long as it computes, and with one thread this listener was the import's bottleneck once
    // the stores had become cheaper (2026-12-02: 11.6-14.7 s per 100,000 items against 14.1-15.3).
    @KafkaListener(
            id = "supplier-items",
            idIsGroup = false,
            batch = "true",
            concurrency = "${bazaar.items.supplier-feed-consumers:2}",
            topics = "${bazaar.kafka.topic-prefix:}" + Topics.SUPPLIER_ITEMS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<ReceivedItem> readable = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ReceivedItem event;
            try {
                event = read(records.get(index));
            } catch (RuntimeException e) {
                importer.apply(readable);
                throw new BatchListenerFailedException("Unusable supplier item: " + e.getMessage(), e, index);
            }
            readable.add(event);
        }
        importer.apply(readable);
    }

    private ReceivedItem read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty record");
        }
        ReceivedItem received = ReceivedItem.read(items, record.value());
        CanonicalItem item = received.item();
        require(item.version() > 0, "version must be positive");
        require(item.title() != null && !item.title().isBlank(), "title is required");
        // ItemIds.of also rejects a blank supplierId or supplierSku.
        require(
                ItemIds.of(item.supplierId(), item.supplierSku()).equals(item.itemId()),
                "itemId " + item.itemId() + " is not ItemIds.of(supplierId, supplierSku)");
        return received;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
