package dev.bazaar.wishlist.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.wishlist.stock.ItemStock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricedPageTests {

    static final String MUG = "00000000-0000-3000-8000-000000000001";
    static final String LAMP = "00000000-0000-3000-8000-000000000002";
    static final String VASE = "00000000-0000-3000-8000-000000000003";
    static final String GONE = "00000000-0000-3000-8000-000000000004";
    static final Instant ADDED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void stockIsTheLastStockEventsAndUnknownWithoutOne() {
        PricedPage page = PricedPage.of(
                List.of(entry(MUG), entry(LAMP), entry(VASE), entry(GONE)),
                Map.of(MUG, sold(MUG), LAMP, sold(LAMP), VASE, sold(VASE)),
                Map.of(MUG, new ItemStock(true, null), LAMP, new ItemStock(false, ADDED.plusSeconds(60))),
                0,
                20,
                4);

        assertThat(page.entries())
                .extracting(PricedPage.Entry::stock)
                .containsExactly(
                        PricedPage.Stock.IN_STOCK,
                        PricedPage.Stock.OUT_OF_STOCK,
                        PricedPage.Stock.UNKNOWN,
                        PricedPage.Stock.UNKNOWN);
        assertThat(page.entries()).extracting(PricedPage.Entry::backInStock).containsOnly(false);
        assertThat(page.entries().get(3).availability()).isEqualTo(PricedPage.Availability.UNKNOWN);
    }

    @Test
    void backInStockOnlyWhenAnOutOfStockSpellEndedAfterTheAddAndItIsInStockNow() {
        PricedPage page = PricedPage.of(
                List.of(entry(MUG), entry(LAMP), entry(VASE)),
                Map.of(MUG, sold(MUG), LAMP, sold(LAMP), VASE, sold(VASE)),
                Map.of(
                        MUG, new ItemStock(true, ADDED.plusMillis(1)),
                        LAMP, new ItemStock(true, ADDED.minusSeconds(1)),
                        VASE, new ItemStock(true, ADDED)),
                0,
                20,
                3);

        assertThat(page.entries()).extracting(PricedPage.Entry::backInStock).containsExactly(true, false, false);
    }

    private static WishlistEntry entry(String itemId) {
        return new WishlistEntry(itemId, Money.inr(1_000), ADDED);
    }

    private static CatalogItem sold(String itemId) {
        return new CatalogItem(itemId, "Item " + itemId, Money.inr(1_000), true);
    }
}
