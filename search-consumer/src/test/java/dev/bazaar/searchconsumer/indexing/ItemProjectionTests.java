package dev.bazaar.searchconsumer.indexing;

import static dev.bazaar.searchconsumer.TestEvents.changed;
import static dev.bazaar.searchconsumer.TestEvents.kurta;
import static dev.bazaar.searchconsumer.TestEvents.stock;
import static dev.bazaar.searchconsumer.TestEvents.withActive;
import static dev.bazaar.searchconsumer.TestEvents.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.searchconsumer.indexing.SearchItem.ItemAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemProjectionTests {

    CanonicalItem kurta = kurta("supplier-a", "K-1", 1);

    @Test
    void aCatalogueEventBecomesAFullListedDocument() {
        SearchItem doc = ItemProjection.apply(null, changed(kurta));

        assertThat(doc.itemId()).isEqualTo(kurta.itemId());
        assertThat(doc.categoryPrefixes())
                .containsExactly("Clothing", "Clothing>>Women's Clothing", "Clothing>>Women's Clothing>>Kurtas");
        assertThat(doc.categoryText()).isEqualTo("Clothing > Women's Clothing > Kurtas");
        assertThat(doc.priceMinor()).isEqualTo(79_900);
        assertThat(doc.mrpMinor()).isEqualTo(99_900);
        assertThat(doc.currency()).isEqualTo("INR");
        assertThat(doc.rating()).isEqualTo(4.2);
        assertThat(doc.image()).isEqualTo("https://img.example/K-1.jpg");
        assertThat(doc.sizeClass()).isEqualTo("SMALL");
        // Rating has its own field; the 300-character value is skipped.
        assertThat(doc.attributes())
                .containsExactly(new ItemAttribute("fabric", "cotton"), new ItemAttribute("sleeve", "3/4"));
        assertThat(doc.active()).isTrue();
        assertThat(doc.inStock()).isTrue();
        assertThat(doc.listed()).isTrue();
        assertThat(doc.catalogVersion()).isEqualTo(1);
        assertThat(doc.stockVersion()).isZero();
        assertThat(doc.suggest().input()).containsExactly(kurta.title(), "Fabindia");
        assertThat(doc.suggest().contexts()).isEqualTo(Map.of("listed", List.of("true")));
    }

    @Test
    void eachVersionSequenceGuardsItsOwnHalfInEitherOrder() {
        SearchItem v1 = ItemProjection.apply(null, changed(kurta));
        SearchItem v3 = ItemProjection.apply(v1, changed(withTitle(kurta, 3, "New title")));
        assertThat(v3.title()).isEqualTo("New title");
        assertThat(ItemProjection.apply(v3, changed(withTitle(kurta, 2, "Old title"))))
                .isSameAs(v3);
        assertThat(ItemProjection.apply(v3, changed(withTitle(kurta, 3, "Same version"))))
                .isSameAs(v3);

        SearchItem out = ItemProjection.apply(v3, stock(kurta.itemId(), 0, 7));
        assertThat(out.inStock()).isFalse();
        assertThat(out.listed()).isFalse();
        assertThat(out.suggest().contexts()).isEqualTo(Map.of("listed", List.of("false")));
        assertThat(ItemProjection.apply(out, stock(kurta.itemId(), 5, 6))).isSameAs(out);

        // A newer catalogue event keeps the stock half.
        SearchItem v4 = ItemProjection.apply(out, changed(withTitle(kurta, 4, "Newer title")));
        assertThat(v4.stockVersion()).isEqualTo(7);
        assertThat(v4.inStock()).isFalse();
        assertThat(v4.listed()).isFalse();
        assertThat(v4.createdAt()).isEqualTo(v1.createdAt());
    }

    @Test
    void stockBeforeCatalogueIsAnUnlistedStubThatTheCatalogueCompletes() {
        SearchItem stub = ItemProjection.apply(null, stock(kurta.itemId(), 3, 2));
        assertThat(stub.catalogVersion()).isZero();
        assertThat(stub.stockVersion()).isEqualTo(2);
        assertThat(stub.listed()).isFalse();
        assertThat(stub.title()).isNull();
        assertThat(stub.suggest()).isNull();

        SearchItem complete = ItemProjection.apply(stub, changed(kurta));
        assertThat(complete.listed()).isTrue();
        assertThat(complete.stockVersion()).isEqualTo(2);
        assertThat(complete.title()).isEqualTo(kurta.title());

        SearchItem outStub = ItemProjection.apply(null, stock(kurta.itemId(), 0, 2));
        assertThat(ItemProjection.apply(outStub, changed(kurta)).listed()).isFalse();
    }

    @Test
    void deactivationUnlistsAndReactivationListsAgain() {
        SearchItem v1 = ItemProjection.apply(null, changed(kurta));
        SearchItem off = ItemProjection.apply(v1, changed(withActive(kurta, 2, false)));
        assertThat(off.active()).isFalse();
        assertThat(off.listed()).isFalse();
        assertThat(ItemProjection.apply(off, changed(withActive(kurta, 3, true)))
                        .listed())
                .isTrue();
    }

    @Test
    void attributeValuesAreStringifiedAndRatingsOnlyWhenNumeric() {
        assertThat(ItemProjection.attributes(Map.of(
                        "Weight",
                        4.0,
                        "Pack",
                        2,
                        "Colors",
                        List.of("red", "blue"),
                        "Nested",
                        Map.of("a", 1),
                        "Waterproof",
                        true)))
                .containsExactly(
                        new ItemAttribute("Colors", "blue"),
                        new ItemAttribute("Colors", "red"),
                        new ItemAttribute("Pack", "2"),
                        new ItemAttribute("Waterproof", "true"),
                        new ItemAttribute("Weight", "4"));
        assertThat(ItemProjection.rating(Map.of("Rating", "No rating available")))
                .isNull();
        assertThat(ItemProjection.rating(Map.of("rating", "3.5"))).isEqualTo(3.5);
        assertThat(ItemProjection.rating(null)).isNull();
    }

    @Test
    void suggestInputsDropTheCompletionSuggestersReservedCharacters() {
        assertThat(ItemProjection.suggestInputs("a\u001Fb", null, " ", "Brand", "Brand"))
                .containsExactly("a b", "Brand");
    }
}
