package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemContentTests {

    static ItemContent content(Map<String, Object> attributes, String title) {
        return new ItemContent(title, "Brand", List.of("A", " B ", "C"), Money.inr(100), null, List.of(), null,
                attributes, SizeClass.SMALL, true);
    }

    @Test
    void theHashIgnoresAttributeOrderButNotValues() {
        var ab = new LinkedHashMap<String, Object>();
        ab.put("a", 1);
        ab.put("b", Map.of("y", 2, "x", 1));
        var ba = new LinkedHashMap<String, Object>();
        ba.put("b", Map.of("x", 1, "y", 2));
        ba.put("a", 1);

        assertThat(content(ab, "T").hash()).isEqualTo(content(ba, "T").hash());
        assertThat(content(ab, "T").hash()).isNotEqualTo(content(ab, "T2").hash());
        assertThat(content(ab, "T").hash()).isNotEqualTo(content(Map.of("a", 2), "T").hash());
        assertThat(content(ab, "T").hash()).isNotEqualTo(content(ab, "T").withActive(false).hash());
    }

    @Test
    void theHashIsOfTheCanonicalJsonAsUtf8Text() throws Exception {
        // Stored items keep their hash: it must stay the SHA-256 of the canonical JSON's UTF-8 text,
        // for any text a supplier sends (non-Latin, emoji, a lone surrogate from a JSON escape).
        var canonical = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        List<String> texts = List.of("Kurta", "दीया “Diya” – brass", "mug \uD83D\uDE00", "broken \uD800 text",
                "low \uDC00 alone", "quote \" backslash \\ tab \t newline \n bell \u0007", "line \u2028 sep \u2029",
                "literal \\uD800 and \\udc00 escapes",
                "€ ₹ 中文 Ωμέγα");
        for (String text : texts) {
            // The text in every place a supplier can put it: title, description, images, category,
            // an attribute's name, its value, and inside a nested list and map.
            List<ItemContent> contents = List.of(
                    content(Map.of("Fabric", "Cotton", "Rating", 4.5), text),
                    new ItemContent("T", text, List.of("A", text), Money.inr(100), null, List.of(text), text,
                            Map.of(), SizeClass.SMALL, true),
                    content(Map.of(text, 1, "nested", Map.of("list", List.of(1, text), "map", Map.of(text, text))), "T"));
            for (ItemContent content : contents) {
                byte[] json = canonical.writeValueAsString(content).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String expected = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(json));
                assertThat(content.hash()).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void categoryPrefixesListEveryAncestor() {
        assertThat(content(Map.of(), "T").categoryPrefixes()).containsExactly("A", "A>>B", "A>>B>>C");
    }
}
