package dev.bazaar.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTemplateBuildsWhatJacksonWritesForEachEvent() {
        var random = new Random(7);
        Instant now = Instant.parse("2026-12-02T11:30:00.123456789Z");
        String importId = UUID.randomUUID().toString();
        var received =
                EventJson.template(json, new SupplierItemReceived(UUID.randomUUID(), now, importId, null), "item");
        var created = EventJson.template(
                json, new CatalogItemChanged(UUID.randomUUID(), now, CatalogItemChanged.Change.CREATED, null), "item");
        for (int i = 0; i < 500; i++) {
            // Ids with every hex digit in every place, and the edge values.
            UUID eventId = i == 0
                    ? new UUID(0, 0)
                    : i == 1 ? new UUID(-1, -1) : new UUID(random.nextLong(), random.nextLong());
            CanonicalItem item = item("SKU-" + i + " दीया \"quoted\"");
            byte[] itemJson = json.writeValueAsBytes(item);

            assertThat(new String(received.build(eventId, itemJson)))
                    .isEqualTo(json.writeValueAsString(new SupplierItemReceived(eventId, now, importId, item)));
            assertThat(new String(created.build(eventId, itemJson)))
                    .isEqualTo(json.writeValueAsString(
                            new CatalogItemChanged(eventId, now, CatalogItemChanged.Change.CREATED, item)));
        }
    }

    @Test
    void refusesAnEnvelopeWhoseComponentIsNotLast() {
        var envelope = new SupplierItemReceived(UUID.randomUUID(), Instant.now(), "import", null);
        assertThatThrownBy(() -> EventJson.template(json, envelope, "importId"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer ends with its importId");
    }

    @Test
    void refusesAnEnvelopeThatWritesItsIdTwice() {
        UUID id = UUID.randomUUID();
        var envelope = new SupplierItemReceived(id, Instant.now(), id.toString(), null);
        assertThatThrownBy(() -> EventJson.template(json, envelope, "item"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not write its id once");
    }

    private static CanonicalItem item(String sku) {
        return new CanonicalItem(
                ItemIds.of("acme", sku),
                "acme",
                sku,
                1,
                "Cotton Kurta",
                "Alisha",
                List.of("Clothing", "Women's Clothing"),
                Money.inr(49_900),
                Money.inr(99_900),
                List.of("http://img/1.jpg"),
                "A kurta",
                Map.of("fabric", "cotton"),
                SizeClass.SMALL,
                true);
    }
}
