package dev.bazaar.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.delivery.Delivery;
import dev.bazaar.starter.delivery.DeliveryCheck;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricedCartTests {

    static final String MUG = "00000000-0000-3000-8000-000000000001";
    static final String LAMP = "00000000-0000-3000-8000-000000000002";
    static final String GONE = "00000000-0000-3000-8000-000000000003";

    @Test
    void linesArePricedNowFlaggedWhenChangedAndOnlyAvailableOnesCount() {
        PricedCart cart = PricedCart.of(
                List.of(
                        new CartLine(MUG, 2, Money.inr(10_000)),
                        new CartLine(LAMP, 1, Money.inr(5_000)),
                        new CartLine(GONE, 3, Money.inr(1_000))),
                Map.of(
                        MUG, new CatalogItem(MUG, "Mug", Money.inr(8_500), true),
                        LAMP, new CatalogItem(LAMP, "Lamp", Money.inr(5_000), false)),
                null,
                new DeliveryCheck(DeliveryCheck.Outcome.OK, Map.of()));

        PricedCart.Line mug = cart.lines().get(0);
        assertThat(mug.priceChanged()).isTrue();
        assertThat(mug.addedPrice()).isEqualTo(Money.inr(10_000));
        assertThat(mug.unitPrice()).isEqualTo(Money.inr(8_500));
        assertThat(mug.lineTotal()).isEqualTo(Money.inr(17_000));
        assertThat(cart.lines().get(1).availability()).isEqualTo(PricedCart.Availability.INACTIVE);
        assertThat(cart.lines().get(1).priceChanged()).isFalse();
        assertThat(cart.lines().get(2).availability()).isEqualTo(PricedCart.Availability.UNKNOWN);
        assertThat(cart.subtotal()).isEqualTo(Money.inr(17_000));
        assertThat(cart.itemCount()).isEqualTo(2);
        assertThat(cart.lineCount()).isEqualTo(3);
        assertThat(cart.deliveryPincode()).isNull();
        assertThat(cart.lines()).allSatisfy(line -> assertThat(line.delivery()).isEqualTo(Delivery.UNKNOWN));
    }

    @Test
    void onlyBuyableLinesAreAskedAboutAndEachCarriesItsOwnDelivery() {
        List<CartLine> stored = List.of(
                new CartLine(MUG, 1, Money.inr(8_500)),
                new CartLine(LAMP, 1, Money.inr(5_000)),
                new CartLine(GONE, 1, Money.inr(1_000)));
        Map<String, CatalogItem> current = Map.of(
                MUG, new CatalogItem(MUG, "Mug", Money.inr(8_500), true),
                LAMP, new CatalogItem(LAMP, "Lamp", Money.inr(5_000), false));
        // The inactive lamp and the unknown item would only waste serviceability's time.
        assertThat(PricedCart.buyable(stored, current)).containsExactly(MUG);

        Delivery twoDays = new Delivery(Delivery.Status.DELIVERABLE, 40, LocalDate.of(2026, 12, 9));
        // Even if serviceability had an answer for the inactive lamp, it is not offered as deliverable.
        PricedCart cart = PricedCart.of(
                stored,
                current,
                "560001",
                new DeliveryCheck(DeliveryCheck.Outcome.OK, Map.of(MUG, twoDays, LAMP, twoDays)));

        assertThat(cart.deliveryPincode()).isEqualTo("560001");
        assertThat(cart.lines().get(0).delivery()).isEqualTo(twoDays);
        assertThat(cart.lines().get(1).delivery()).isEqualTo(Delivery.UNKNOWN);
        assertThat(cart.lines().get(2).delivery()).isEqualTo(Delivery.UNKNOWN);
    }
}
