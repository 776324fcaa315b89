package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.testing.InventoryServiceProcess;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaEvents;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo stock through the real services the gateway forwards it to: the plan for the first 60
 * demo items over serviceability's demo warehouses, sent to a real inventory-service (its jar, own
 * database) as the loader sends it, announced on StockChanged to a real serviceability-service (its
 * jar, generated demo network), which then names exactly the planned warehouses. Receipts sent
 * again change nothing, and a run after a whole one sends nothing. The login and the gateway in front are not started: the token is a
 * {@link TestJwts} OPS token the inventory process trusts.
 */
class DemoStockIntegrationTests {

    static final List<DemoItem> ITEMS = DemoCatalogue.standard().items().subList(0, 60);

    static ServiceabilityNetwork serviceability;
    static InventoryServiceProcess inventory;

    @BeforeAll
    static void start() throws Exception {
        String topics =
                IsolatedNames.forTestClass(DemoStockIntegrationTests.class).topicPrefix();
        serviceability = ServiceabilityNetwork.start(topics);
        inventory = InventoryServiceProcess.start(topics);
        // item-service's part: serviceability learns each item's size class from the catalogue.
        try (KafkaEvents catalogue = KafkaEvents.open("item-service")) {
            for (DemoItem item : ITEMS) {
                catalogue.publish(
                        topics,
                        new CatalogItemChanged(
                                UUID.randomUUID(),
                                Instant.now(),
                                CatalogItemChanged.Change.CREATED,
                                new CanonicalItem(
                                        item.itemId(),
                                        DemoCatalogue.SUPPLIER_ID,
                                        item.supplierSku(),
                                        1,
                                        item.title(),
                                        item.brand(),
                                        item.categoryPath(),
                                        Money.inr(item.priceRupees() * 100),
                                        null,
                                        List.of(),
                                        "",
                                        Map.of(),
                                        item.sizeClass(),
                                        true)));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (inventory != null) {
            inventory.close();
        }
        if (serviceability != null) {
            serviceability.close();
        }
    }

    @Test
    void theLoadersReceiptsPutEachItemWhereThePlanSaysAndARerunChangesNothing() {
        assertThat(ITEMS).allSatisfy(item -> assertThat(item.sizeClass()).isEqualTo(SizeClass.SMALL));
        StockPlan plan = StockPlan.of(ITEMS, StockPlanTests.DEMO_WAREHOUSES);
        var ops = new OpsApi(
                inventory.baseUrl(), TestJwts.token("ops-1", Instant.now().plusSeconds(3600), "OPS"));
        var stock = new DemoStock(ops, null);

        assertThat(stock.stock(plan)).as("first run sends the receipts").isTrue();

        Map<String, Map<String, Long>> planned = new HashMap<>();
        plan.receipts()
                .forEach(r -> planned.computeIfAbsent(r.itemId(), id -> new HashMap<>())
                        .put(r.warehouseId(), (long) r.quantity()));
        for (DemoItem item : ITEMS) {
            Map<String, List<Long>> levels = inventory.levels(item.itemId());
            Map<String, Long> onHand = levels.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().get(0)));
            assertThat(onHand).as(item.itemId()).isEqualTo(planned.getOrDefault(item.itemId(), Map.of()));
        }

        // Serviceability learns it from inventory's StockChanged: at Mumbai (which every demo
        // warehouse reaches with a SMALL parcel) each stocked item comes from exactly its planned
        // warehouses, and the out-of-stock one (item 19) from none.
        List<String> ids = ITEMS.stream().map(DemoItem::itemId).toList();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode answer = serviceability.batch(DemoStock.METRO, ids);
                    for (JsonNode item : answer.path("items")) {
                        String itemId = item.path("itemId").asString();
                        Set<String> candidates = new TreeSet<>();
                        item.path("candidates").forEach(c -> candidates.add(c.asString()));
                        assertThat(candidates)
                                .as(itemId)
                                .isEqualTo(new TreeSet<>(
                                        planned.getOrDefault(itemId, Map.of()).keySet()));
                    }
                    assertThat(answer.path("items").get(19).path("reason").asString())
                            .isEqualTo("OUT_OF_STOCK");
                });

        // A run cut short and started again sends receipts inventory already has: they change nothing.
        plan.receipts().forEach(ops::receive);
        assertThat(stock.stock(plan))
                .as("a run after a whole one finds the last receipt in, sends nothing")
                .isFalse();
        for (DemoItem item : ITEMS) {
            assertThat(inventory.levels(item.itemId()).values().stream()
                            .mapToLong(l -> l.get(0))
                            .sum())
                    .isEqualTo(planned.getOrDefault(item.itemId(), Map.of()).values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        }
    }
}
