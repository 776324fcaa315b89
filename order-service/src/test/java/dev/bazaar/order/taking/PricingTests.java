package dev.bazaar.order.taking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.Money;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTests {

    private static final String KURTA = "0b0c1b5e-2a51-4a3e-9c55-000000000001";
    private static final String LAMP = "0b0c1b5e-2a51-4a3e-9c55-000000000002";
    private static final String GONE = "0b0c1b5e-2a51-4a3e-9c55-000000000003";

    @Test
    void eachLineAtTheCatalogPriceOfItsSupplierAndTheTotalTheirSum() {
        Pricing.Priced priced = Pricing.price(
                List.of(new Pricing.Wanted(KURTA, 3), new Pricing.Wanted(LAMP, 1)),
                Map.of(
                        KURTA, new CatalogItem(KURTA, "Kurta", Money.inr(49_900), true, "weavers"),
                        LAMP, new CatalogItem(LAMP, "Lamp", Money.inr(1_250_050), true, "lights")));

        assertThat(priced.lines())
                .extracting(
                        Order.Line::itemId,
                        Order.Line::quantity,
                        Order.Line::unitPrice,
                        Order.Line::lineTotal,
                        Order.Line::supplierId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(KURTA, 3, Money.inr(49_900), Money.inr(149_700), "weavers"),
                        org.assertj.core.groups.Tuple.tuple(
                                LAMP, 1, Money.inr(1_250_050), Money.inr(1_250_050), "lights"));
        assertThat(priced.total()).isEqualTo(Money.inr(149_700 + 1_250_050));
    }

    @Test
    void unknownItemsAre400AndInactiveOnes409NamingEach() {
        Map<String, CatalogItem> catalog = Map.of(
                KURTA, new CatalogItem(KURTA, "Kurta", Money.inr(49_900), true),
                LAMP, new CatalogItem(LAMP, "Lamp", Money.inr(999), false));

        assertThatThrownBy(() ->
                        Pricing.price(List.of(new Pricing.Wanted(KURTA, 1), new Pricing.Wanted(GONE, 1)), catalog))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getType().toString()).endsWith("/unknown-item");
                    assertThat(problem.getBody().getProperties()).containsEntry("items", List.of(GONE));
                });
        assertThatThrownBy(() ->
                        Pricing.price(List.of(new Pricing.Wanted(KURTA, 1), new Pricing.Wanted(LAMP, 2)), catalog))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getType().toString()).endsWith("/item-inactive");
                    assertThat(problem.getBody().getProperties()).containsEntry("items", List.of(LAMP));
                });
    }

    @Test
    void aTotalBeyondALongIsRefusedNotWrapped() {
        CatalogItem huge = new CatalogItem(KURTA, "Kurta", Money.inr(Long.MAX_VALUE / 2), true);

        assertThatThrownBy(() -> Pricing.price(List.of(new Pricing.Wanted(KURTA, 3)), Map.of(KURTA, huge)))
                .isInstanceOf(ArithmeticException.class);
    }
}
