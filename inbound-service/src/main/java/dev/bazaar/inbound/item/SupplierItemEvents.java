package dev.bazaar.inbound.item;

import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.starter.outbox.BatchOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code supplier.items.v1} event announcing a recorded item, its payload built around the
 * item's JSON from the ledger: a profile of a 100,000-row import put 35 % of this service's CPU in
 * serializing items, half of it serializing each item a second time for its event.
 */
@Component
public class SupplierItemEvents {

    // The item is the event's last component, so Jackson ends an envelope without one with this.
    private static final byte[] NO_ITEM_END = "\"item\":null}".getBytes(StandardCharsets.UTF_8);
    private static final int NULL_END = "null}".length();

    private final JsonMapper json;

    SupplierItemEvents(JsonMapper json) {
        this.json = json;
    }

    public BatchOutbox.Serialized received(String importId, Instant occurredAt, SupplierItems.Recorded recorded) {
        var event = new SupplierItemReceived(UUID.randomUUID(), occurredAt, importId, recorded.item());
        return new BatchOutbox.Serialized(event, payload(event, recorded.json()));
    }

    /** Byte for byte what Jackson writes for {@code event}, given the JSON of its item. */
    byte[] payload(SupplierItemReceived event, byte[] itemJson) {
        byte[] envelope = json.writeValueAsBytes(
                new SupplierItemReceived(event.eventId(), event.occurredAt(), event.importId(), null));
        int cut = envelope.length - NULL_END;
        if (!Arrays.equals(envelope, envelope.length - NO_ITEM_END.length, envelope.length, NO_ITEM_END, 0,
                NO_ITEM_END.length)) {
            throw new IllegalStateException("SupplierItemReceived no longer ends with its item: "
                    + new String(envelope, StandardCharsets.UTF_8));
        }
        byte[] payload = Arrays.copyOf(envelope, cut + itemJson.length + 1);
        System.arraycopy(itemJson, 0, payload, cut, itemJson.length);
        payload[payload.length - 1] = '}';
        return payload;
    }
}
