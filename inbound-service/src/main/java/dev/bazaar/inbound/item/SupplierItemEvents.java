package dev.bazaar.inbound.item;

import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.starter.kafka.EventJson;
import dev.bazaar.starter.outbox.BatchOutbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code supplier.items.v1} events announcing recorded items, their payloads built around the
 * items' JSON from the ledger: a profile of a 100,000-row import put 35 % of this service's CPU in
 * serializing items, half of it serializing each item a second time for its event. The envelope
 * (id, time, import) is written once per chunk and only the id changes per event.
 */
@Component
public class SupplierItemEvents {

    private final JsonMapper json;

    SupplierItemEvents(JsonMapper json) {
        this.json = json;
    }

    /** The events of items recorded by one import at one time. */
    public List<BatchOutbox.Serialized> received(
            String importId, Instant occurredAt, List<SupplierItems.Recorded> recorded) {
        if (recorded.isEmpty()) {
            return List.of();
        }
        var envelope = EventJson.template(
                json, new SupplierItemReceived(UUID.randomUUID(), occurredAt, importId, null), "item");
        return recorded.stream()
                .map(one -> {
                    var event = new SupplierItemReceived(UUID.randomUUID(), occurredAt, importId, one.item());
                    return new BatchOutbox.Serialized(event, envelope.build(event.eventId(), one.json()));
                })
                .toList();
    }
}
