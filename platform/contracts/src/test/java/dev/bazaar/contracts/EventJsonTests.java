package dev.bazaar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.contracts.shopping.WishlistChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void catalogEventSurvivesAJsonRoundTripAndIsKeyedByItem() {
        String itemId = ItemIds.of("acme", "SKU-1");
        var item = new CanonicalItem(
                itemId,
                "acme",
                "SKU-1",
                3,
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
        var event = new CatalogItemChanged(
                UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"), CatalogItemChanged.Change.CREATED, item);

        var back = json.readValue(json.writeValueAsString(event), CatalogItemChanged.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.key()).isEqualTo(itemId);
        assertThat(back.topic()).isEqualTo("catalog.items.v1");
        assertThat(back.type()).isEqualTo("dev.bazaar.CatalogItemChanged");
    }

    @Test
    void wishlistEventCarriesItsPriceInMinorUnitsAndIsKeyedByTheShopper() {
        var event = new WishlistChanged(
                UUID.randomUUID(),
                Instant.parse("2026-01-01T00:00:00Z"),
                "user-1",
                WishlistChanged.Action.ADDED,
                ItemIds.of("acme", "SKU-1"),
                Money.inr(49_900));

        String written = json.writeValueAsString(event);
        var back = json.readValue(written, WishlistChanged.class);

        assertThat(written).contains("\"price\":{\"minor\":49900,\"currency\":\"INR\"}");
        assertThat(back).isEqualTo(event);
        assertThat(back.key()).isEqualTo("user-1");
        assertThat(back.topic()).isEqualTo("wishlist.events.v1");
    }

    @Test
    void derivedJsonPropertiesAreNotPartOfTheBody() {
        var event = new StockChanged(UUID.randomUUID(), Instant.now(), "i1", "w1", 0, 0, 1);
        assertThat(json.writeValueAsString(event)).doesNotContain("\"topic\"");
    }

    @Test
    void itemIdsAreDeterministicAndDoNotCollideOnConcatenation() {
        assertThat(ItemIds.of("acme", "SKU-1")).isEqualTo(ItemIds.of("acme", "SKU-1"));
        assertThat(ItemIds.of("ab", "c")).isNotEqualTo(ItemIds.of("a", "bc"));
        assertThat(UUID.fromString(ItemIds.of("acme", "SKU-1")).version()).isEqualTo(3);
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetterOf(Topics.CATALOG_ITEMS)).isEqualTo("catalog.items.v1.dlt");
    }
}
