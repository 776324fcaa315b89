package dev.bazaar.item.supplierfeed;

import static dev.bazaar.item.Items.kurta;
import static dev.bazaar.item.Items.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.catalog.CanonicalItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The item's JSON is cut out of the event exactly, wherever the item stands in it. */
class ReceivedItemTests {

    final JsonMapper json = JsonMapper.builder().build();
    final ObjectReader items = ReceivedItem.itemReader(json);
    final CanonicalItem item = kurta("supplier-r", "R-1 “रेशम” \\ \"quoted\"", 1);
    final String itemJson = json.writeValueAsString(item);

    @Test
    void readsTheItemAndKeepsItsJsonAsSent() {
        ReceivedItem received = ReceivedItem.read(items, json.writeValueAsBytes(received(item)));

        assertThat(received.item()).isEqualTo(item);
        assertThat(new String(received.json(), StandardCharsets.UTF_8)).isEqualTo(itemJson);
    }

    @Test
    void findsTheItemAnywhereInTheEventAmongOtherProperties() {
        String event = " {\n \"item\" : " + itemJson + " ,\"eventId\":\"e\", \"extra\": {\"item\": [1, {\"a\": null}]},"
                + "\"occurredAt\":\"2026-12-02T07:00:00Z\"}\n";

        ReceivedItem received = ReceivedItem.read(items, event.getBytes(StandardCharsets.UTF_8));

        assertThat(received.item()).isEqualTo(item);
        assertThat(new String(received.json(), StandardCharsets.UTF_8)).isEqualTo(itemJson);
    }

    /**
     * A newer inbound-service may add properties to the item: they are ignored, and the JSON is not
     * kept, so the catalogue event (built from the item as read) does not pass them on.
     */
    @Test
    void keepsNoJsonForAnItemWithAPropertyItDoesNotKnow() {
        String withNewProperty = itemJson.substring(0, itemJson.length() - 1) + ",\"giftWrap\":{\"paper\":[\"red\"]}}";
        String withNewPrice = itemJson.replace("\"currency\":\"INR\"", "\"currency\":\"INR\",\"taxIncluded\":true");
        assertThat(withNewPrice).isNotEqualTo(itemJson);

        for (String sent : List.of(withNewProperty, withNewPrice)) {
            String event = "{\"eventId\":\"e\",\"item\":" + sent + "}";
            ReceivedItem received = ReceivedItem.read(items, event.getBytes(StandardCharsets.UTF_8));
            assertThat(received.item()).as(sent).isEqualTo(item);
            assertThat(received.json()).as(sent).isNull();
        }
        // The next item read on the same thread, without one, keeps its JSON again.
        assertThat(ReceivedItem.read(items, json.writeValueAsBytes(received(item)))
                        .json())
                .isNotNull();
    }

    @Test
    void refusesWhatHasNoItem() {
        assertThatThrownBy(() -> ReceivedItem.read(items, "{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no item");
        assertThatThrownBy(() -> ReceivedItem.read(items, "{\"item\":null}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no item");
        assertThatThrownBy(() -> ReceivedItem.read(items, "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceivedItem.read(items, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }
}
