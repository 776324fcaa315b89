package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StockPlanTests {

    /** The warehouses of serviceability-service's generated demo network ({@code DemoNetwork}). */
    static final List<String> DEMO_WAREHOUSES = List.of(
            "WH-DEL", "WH-BOM", "WH-BLR", "WH-MAA", "WH-CCU", "WH-HYD", "WH-PNQ", "WH-AMD", "WH-JAI", "WH-LKO",
            "WH-PAT", "WH-BBI", "WH-GAU", "WH-CJB", "WH-IDR", "WH-NAG", "WH-IXC", "WH-VTZ", "WH-STV", "WH-BHO");

    static final List<DemoItem> ITEMS = DemoCatalogue.standard().items();
    static final StockPlan PLAN = StockPlan.of(ITEMS, DEMO_WAREHOUSES);

    @Test
    void everyTwentiethItemIsOutOfStockAndEveryOtherIsReceivedSomewhere() {
        Map<String, List<StockPlan.Receipt>> byItem =
                PLAN.receipts().stream().collect(Collectors.groupingBy(StockPlan.Receipt::itemId));
        for (int i = 0; i < ITEMS.size(); i++) {
            String itemId = ITEMS.get(i).itemId();
            if (i % 20 == 19) {
                assertThat(byItem).as("item %d is out of stock", i).doesNotContainKey(itemId);
            } else {
                assertThat(byItem.get(itemId)).as("item %d", i).hasSizeBetween(1, 2);
            }
        }
        assertThat(PLAN.items()).isEqualTo(6_000);
        assertThat(PLAN.outOfStock()).isEqualTo(300);
        assertThat(byItem).hasSize(5_700);
    }

    @Test
    void mostItemsAreInOneWarehouseOnlyAndEveryFourthInTwoDifferentOnes() {
        Map<String, List<StockPlan.Receipt>> byItem =
                PLAN.receipts().stream().collect(Collectors.groupingBy(StockPlan.Receipt::itemId));
        List<List<StockPlan.Receipt>> inTwo =
                byItem.values().stream().filter(r -> r.size() == 2).toList();
        assertThat(inTwo).hasSize(5_700 / 4);
        inTwo.forEach(pair ->
                assertThat(pair.get(0).warehouseId()).isNotEqualTo(pair.get(1).warehouseId()));
        assertThat(PLAN.receipts()).hasSize(5_700 + 5_700 / 4);
    }

    @Test
    void everyWarehouseGetsAShareAndEveryQuantityIsFiveToFifty() {
        Map<String, Long> perWarehouse = PLAN.receipts().stream()
                .collect(Collectors.groupingBy(StockPlan.Receipt::warehouseId, Collectors.counting()));
        assertThat(perWarehouse.keySet()).containsExactlyInAnyOrderElementsOf(DEMO_WAREHOUSES);
        // 7,125 receipts over 20 warehouses: about 356 each.
        perWarehouse.values().forEach(count -> assertThat(count).isBetween(250L, 470L));
        assertThat(PLAN.receipts()).allSatisfy(r -> assertThat(r.quantity()).isBetween(5, 50));
    }

    @Test
    void receiptIdsAreDeterministicUniqueAndNameTheItemAndTheWarehouse() {
        Set<String> ids = new HashSet<>();
        PLAN.receipts().forEach(r -> {
            assertThat(r.receiptId()).isEqualTo("demo-" + r.itemId() + "-" + r.warehouseId());
            assertThat(r.receiptId())
                    .as("inventory takes receipt ids of up to 64 characters")
                    .hasSizeLessThanOrEqualTo(64);
            assertThat(ids.add(r.receiptId())).as("unique %s", r.receiptId()).isTrue();
        });
        // Whatever order the network lists its warehouses in, the same plan.
        List<String> shuffled = new ArrayList<>(DEMO_WAREHOUSES);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(StockPlan.of(DemoCatalogue.standard().items(), shuffled)).isEqualTo(PLAN);
    }

    @Test
    void thePlanIsPinnedSoAReRunSendsExactlyTheReceiptsInventoryAlreadyHas() {
        // inventory-service refuses a known receipt id with other contents (409 receipt-id-reused):
        // a change to the plan's formula would break every existing local shop's next ./bazaar up.
        String first = "60880fbf-1fe9-3d32-b012-e6521b2642ac";
        assertThat(ITEMS.get(0).itemId()).isEqualTo(first);
        assertThat(PLAN.receipts().get(0))
                .isEqualTo(new StockPlan.Receipt("demo-" + first + "-WH-DEL", "WH-DEL", first, 50));
        assertThat(PLAN.sentinel())
                .isEqualTo(PLAN.receipts().get(PLAN.receipts().size() - 1));
    }

    @Test
    void aNetworkWithoutWarehousesIsAFailureNotAnEmptyPlan() {
        assertThatThrownBy(() -> StockPlan.of(ITEMS, List.of())).isInstanceOf(DemoFailure.class);
    }

    @Test
    void searchShowsTheStockWhenTheMetroPageIsAllDeliverableAndTheRemotePageEmpty() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode metro = json.readTree("""
                {"total":40,"deliverability":"OK","items":[
                  {"title":"a","delivery":{"status":"DELIVERABLE","etaHours":30,"promiseDate":"2026-12-09"}},
                  {"title":"b","delivery":{"status":"DELIVERABLE","etaHours":52,"promiseDate":"2026-12-10"}}]}
                """);
        JsonNode oneUnknown = json.readTree("""
                {"total":40,"deliverability":"OK","items":[
                  {"title":"a","delivery":{"status":"DELIVERABLE","etaHours":30,"promiseDate":"2026-12-09"}},
                  {"title":"b","delivery":{"status":"UNKNOWN"}}]}
                """);
        assertThat(DemoStock.allDeliverable(metro)).isTrue();
        assertThat(DemoStock.allDeliverable(oneUnknown)).isFalse();
        assertThat(DemoStock.allDeliverable(json.readTree("{\"total\":40,\"deliverability\":\"DOWN\",\"items\":[]}")))
                .isFalse();
        assertThat(DemoStock.hidesAll(json.readTree("{\"total\":40,\"deliverability\":\"OK\",\"items\":[]}")))
                .isTrue();
        assertThat(DemoStock.hidesAll(oneUnknown)).isFalse();
        assertThat(DemoStock.hidesAll(json.readTree("{\"total\":0,\"deliverability\":\"OK\",\"items\":[]}")))
                .as("nothing found is not everything hidden")
                .isFalse();
    }
}
