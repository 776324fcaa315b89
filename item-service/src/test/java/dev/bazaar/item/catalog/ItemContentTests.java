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
        return new ItemContent(
                title,
                "Brand",
                List.of("A", " B ", "C"),
                Money.inr(100),
                null,
                List.of(),
                null,
                attributes,
                SizeClass.SMALL,
                true);
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
        assertThat(content(ab, "T").hash())
                .isNotEqualTo(content(Map.of("a", 2), "T").hash());
        assertThat(content(ab, "T").hash())
                .isNotEqualTo(content(ab, "T").withActive(false).hash());
    }

    @Test
    void contentsAreTheSameWhenEqualOrWrittenAlike() {
        var ab = new LinkedHashMap<String, Object>();
        ab.put("a", 1);
        ab.put("b", List.of("x", 2));
        var ba = new LinkedHashMap<String, Object>();
        ba.put("b", List.of("x", 2));
        ba.put("a", 1);
        var heldAsLongs = new LinkedHashMap<String, Object>();
        heldAsLongs.put("a", 1L);
        heldAsLongs.put("b", List.of("x", 2L));

        assertThat(content(ab, "T").sameAs(content(ba, "T"))).isTrue();
        assertThat(content(ab, "T")).as("an Integer is not equal to a Long").isNotEqualTo(content(heldAsLongs, "T"));
        assertThat(content(ab, "T").sameAs(content(heldAsLongs, "T")))
                .as("but both are written as 1")
                .isTrue();
        assertThat(content(ab, "T").sameAs(content(ab, "T2"))).isFalse();
        assertThat(content(ab, "T").sameAs(content(Map.of("a", 1, "b", List.of(2, "x")), "T")))
                .isFalse();
        assertThat(content(ab, "T").sameAs(content(ab, "T").withActive(false))).isFalse();
        assertThat(content(ab, "T").sameAs(content(Map.of("a", 1.0, "b", List.of("x", 2)), "T")))
                .as("1.0 is another value than 1")
                .isFalse();
    }

    @Test
    void textsThatDifferOnlyInAnUnpairedSurrogateAreNotTheSame() {
        assertThat(content(Map.of(), "broken \uD800 text").sameAs(content(Map.of(), "broken \uDC00 text")))
                .isFalse();
        assertThat(content(Map.of("t", "broken \uD800 text", "n", 1), "T")
                        .sameAs(content(Map.of("t", "broken \uD800 text", "n", 1L), "T")))
                .as("compared by hash")
                .isTrue();
    }

    @Test
    void categoryPrefixesListEveryAncestor() {
        assertThat(content(Map.of(), "T").categoryPrefixes()).containsExactly("A", "A>>B", "A>>B>>C");
    }
}
