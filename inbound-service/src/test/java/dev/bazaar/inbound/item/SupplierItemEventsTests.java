package dev.bazaar.inbound.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The event built around the item's JSON is exactly the event Jackson would write, and reads back as it. */
class SupplierItemEventsTests {

    final JsonMapper json = JsonMapper.builder().build();
    final SupplierItemEvents events = new SupplierItemEvents(json);

    @Test
    void payloadIsByteForByteTheSerializedEvent() {
        CanonicalItem item = item("Kurta \"Festive\" — रेशम", Map.of("fabric", "Silk", "sizes", List.of("S", "M")));
        byte[] itemJson = json.writeValueAsBytes(item);

        CanonicalItem other = item("Plain mug", new LinkedHashMap<>());

        var serialized = events.received(
                "import-1",
                Instant.parse("2026-12-01T10:15:30.123456Z"),
                List.of(
                        new SupplierItems.Recorded(item, itemJson),
                        new SupplierItems.Recorded(other, json.writeValueAsBytes(other))));

        assertThat(serialized).hasSize(2);
        for (var one : serialized) {
            assertThat(one.payload()).isEqualTo(json.writeValueAsBytes(one.event()));
            assertThat(json.readValue(one.payload(), SupplierItemReceived.class))
                    .isEqualTo(one.event());
        }
        assertThat(serialized.get(0).event().eventId())
                .isNotEqualTo(serialized.get(1).event().eventId());
    }

    @Test
    void anItemWithoutAttributesOrBrandIsWrittenAsJacksonWritesIt() {
        CanonicalItem item = item("Plain mug", new LinkedHashMap<>());
        var serialized = events.received(
                        "import-2",
                        Instant.now(),
                        List.of(new SupplierItems.Recorded(item, json.writeValueAsBytes(item))))
                .get(0);

        assertThat(serialized.payload()).isEqualTo(json.writeValueAsBytes(serialized.event()));
    }

    private static CanonicalItem item(String title, Map<String, Object> attributes) {
        return new CanonicalItem(
                ItemIds.of("supplier-e", title),
                "supplier-e",
                title,
                3,
                title,
                null,
                List.of("Home", "Kitchen"),
                Money.inr(19900),
                Money.inr(24900),
                List.of("https://img.example/1.jpg"),
                "A \\ backslash and a\nnewline",
                attributes,
                SizeClass.SMALL,
                true);
    }
}
