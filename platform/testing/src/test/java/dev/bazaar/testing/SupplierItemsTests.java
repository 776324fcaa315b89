package dev.bazaar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupplierItemsTests {

    @Test
    void aNewItemIsVersionOneActiveWithItsIdFromSupplierAndSku() {
        CanonicalItem item = SupplierItems.item("s-1", "sku-1").price(12_300).build();

        assertThat(item.itemId()).isEqualTo(ItemIds.of("s-1", "sku-1"));
        assertThat(item.supplierId()).isEqualTo("s-1");
        assertThat(item.supplierSku()).isEqualTo("sku-1");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.active()).isTrue();
        assertThat(item.price()).isEqualTo(Money.inr(12_300));
        assertThat(item.mrp()).as("the MRP is the price unless stated").isEqualTo(Money.inr(12_300));
        assertThat(item.title()).isEqualTo("Test item sku-1");
        assertThat(SupplierItems.item("s-1", "sku-2").mrp(15_000).build().mrp()).isEqualTo(Money.inr(15_000));
    }

    @Test
    void theNextVersionKeepsEveryFieldItDoesNotChange() {
        CanonicalItem item = SupplierItems.item("s-1", "sku-1")
                .title("Cotton kurta")
                .brand("Fabindia")
                .categoryPath(List.of("Clothing", "Kurtas"))
                .price(79_900)
                .mrp(99_900)
                .images(List.of("https://img.example/k.jpg"))
                .description("A kurta")
                .attributes(Map.of("fabric", "cotton"))
                .sizeClass(SizeClass.BULKY)
                .build();

        assertThat(SupplierItems.from(item).build()).isEqualTo(item);
        CanonicalItem next = SupplierItems.next(item).active(false).build();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.active()).isFalse();
        assertThat(SupplierItems.from(next).version(1).active(true).build()).isEqualTo(item);
        assertThat(SupplierItems.next(item).price(50_000).build().mrp())
                .as("a new price keeps the MRP")
                .isEqualTo(Money.inr(99_900));
    }

    @Test
    void theKurtaHasEveryTextFieldFilled() {
        CanonicalItem kurta = SupplierItems.kurta("s-1", "K-1").build();

        assertThat(kurta.title()).isEqualTo("Cotton kurta K-1");
        assertThat(kurta.brand()).isEqualTo("Fabindia");
        assertThat(kurta.categoryPath()).containsExactly("Clothing", "Women's Clothing", "Kurtas");
        assertThat(kurta.price()).isEqualTo(Money.inr(79_900));
        assertThat(kurta.mrp()).isEqualTo(Money.inr(99_900));
        assertThat(kurta.description()).isEqualTo("A straight cotton kurta");
        assertThat(kurta.version()).isEqualTo(1);
    }

    @Test
    void theReceivedEventIsKeyedByTheItemId() {
        CanonicalItem item = SupplierItems.item("s-1", "sku-1").build();
        var received = SupplierItems.received(item, "import-1");

        assertThat(received.key()).isEqualTo(item.itemId());
        assertThat(received.item()).isEqualTo(item);
        assertThat(received.importId()).isEqualTo("import-1");
        assertThat(SupplierItems.received(item, "import-1").eventId()).isNotEqualTo(received.eventId());
    }
}
