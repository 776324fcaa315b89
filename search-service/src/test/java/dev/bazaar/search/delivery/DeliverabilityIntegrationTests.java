package dev.bazaar.search.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.search.support.ItemDoc;
import dev.bazaar.search.support.SearchApi;
import dev.bazaar.search.support.SearchIndexFixture;
import dev.bazaar.starter.delivery.Delivery;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.starter.kafka.TopicNames;
import dev.bazaar.starter.tracing.Traces;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliverability against the REAL serviceability-service, started from its jar with its generated
 * demo network (platform/testing {@link ServiceabilityNetwork}). It learns our items' warehouse and
 * size class from the same StockChanged / CatalogItemChanged events inventory and item-service
 * publish. The demo's Gangtok pincode 737001 is covered only by the Gangtok hub, whose lanes (hill
 * and north-east) refuse BULKY parcels; Mumbai 400001 is a metro with the warehouse; Port Blair
 * 744101 is reached by nothing.
 *
 * <p>The budget is raised to 2 s here: this test is about what serviceability says, and a cold
 * C1-only JVM on a shared 2-core machine can take longer than 50 ms for its first answers. The
 * 50 ms budget itself is tested in {@link ServiceabilityFaultsIntegrationTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.ELASTICSEARCH, LocalServer.KAFKA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliverabilityIntegrationTests {

    static final String METRO = ServiceabilityNetwork.METRO;
    static final String HILLS = ServiceabilityNetwork.HILLS;
    static final String REMOTE = ServiceabilityNetwork.REMOTE;
    static ServiceabilityNetwork serviceability;

    @DynamicPropertySource
    static void startServiceability(DynamicPropertyRegistry registry) throws Exception {
        serviceability = ServiceabilityNetwork.start();
        registry.add("bazaar.search.serviceability.url", serviceability::baseUrl);
        registry.add("bazaar.search.serviceability.budget", () -> "2s");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IsolatedNames names;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    Traces traces;

    @Autowired
    ServiceabilityClient client;

    SearchApi api;
    /** Cheapest first: 25 wardrobes (BULKY), then 15 lamps (SMALL), all "wooden", all stocked in Mumbai. */
    final List<String> wardrobes = new ArrayList<>();

    final List<String> lamps = new ArrayList<>();

    @BeforeAll
    void indexItemsAndTellServiceability() throws Exception {
        api = new SearchApi(mvc);
        List<ItemDoc> docs = new ArrayList<>();
        var events = new IntegrationEventPublisher(
                kafka, json, new TopicNames(serviceability.topicPrefix()), "/bazaar/test", traces);
        for (int i = 0; i < 40; i++) {
            boolean bulky = i < 25;
            String id = UUID.randomUUID().toString();
            (bulky ? wardrobes : lamps).add(id);
            String title = bulky ? "Wooden wardrobe " + i : "Wooden table lamp " + i;
            docs.add(ItemDoc.item(id)
                    .title(title)
                    .brand("Woodcraft")
                    .category(List.of("Furniture"))
                    .price(100_000 + i * 100, 200_000)
                    .sizeClass(bulky ? "BULKY" : "SMALL"));
            var item = new CanonicalItem(
                    id,
                    "supplier-1",
                    "sku-" + i,
                    1,
                    title,
                    "Woodcraft",
                    List.of("Furniture"),
                    Money.inr(100_000 + i * 100),
                    null,
                    List.of(),
                    "",
                    Map.of(),
                    bulky ? SizeClass.BULKY : SizeClass.SMALL,
                    true);
            events.publish(new CatalogItemChanged(
                            UUID.randomUUID(), Instant.now(), CatalogItemChanged.Change.CREATED, item))
                    .get();
            events.publish(new StockChanged(
                            UUID.randomUUID(), Instant.now(), id, ServiceabilityNetwork.WAREHOUSE, 5, 5, 1))
                    .get();
        }
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(elasticsearch, names.indexPrefix(), docs);
        // Serviceability consumes the events in its own time: wait until it knows every item.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> serviceability.deliversAll(
                        METRO, docs.stream().map(d -> d.itemId).toList()));
        JsonNode hills = serviceability.batch(HILLS, List.of(wardrobes.get(0), lamps.get(0)));
        assertThat(hills.path("items").get(0).path("reason").stringValue()).isEqualTo("NOT_SERVICEABLE");
        assertThat(hills.path("items").get(1).path("deliverable").booleanValue())
                .isTrue();
    }

    @AfterAll
    void tearDown() {
        SearchIndexFixture.drop(elasticsearch, names.indexPrefix());
        if (serviceability != null) {
            serviceability.close();
        }
    }

    @Test
    @Order(1)
    void aMetroPincodeShowsEveryItemWithItsEta() {
        var answer = api.search("q", "wooden", "sort", "price_asc", "size", "10", "pincode", METRO);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("deliverability").stringValue()).isEqualTo("OK");
        assertThat(answer.itemIds()).isEqualTo(wardrobes.subList(0, 10));
        answer.body().path("items").forEach(item -> {
            assertThat(item.path("delivery").path("status").stringValue()).isEqualTo("DELIVERABLE");
            assertThat(item.path("delivery").path("etaHours").intValue()).isPositive();
            assertThat(item.path("delivery").path("promiseDate").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
    }

    @Test
    @Order(2)
    void itemsThatCannotReachTheHillsAreHiddenThereAndThePageIsBackFilled() {
        var first = api.search("q", "wooden", "sort", "price_asc", "size", "10", "pincode", HILLS);
        assertThat(first.status()).isEqualTo(200);
        // 25 cheaper wardrobes are skipped over two rounds (20 hits each); the page is still full.
        assertThat(first.itemIds()).isEqualTo(lamps.subList(0, 10));
        assertThat(first.total())
                .as("total counts matches before deliverability")
                .isEqualTo(40);
        first.body().path("items").forEach(item -> {
            assertThat(item.path("delivery").path("status").stringValue()).isEqualTo("DELIVERABLE");
            assertThat(item.path("delivery").path("etaHours").intValue()).isPositive();
        });
        var second = api.search(
                "q",
                "wooden",
                "sort",
                "price_asc",
                "size",
                "10",
                "pincode",
                HILLS,
                "after",
                first.body().path("nextAfter").stringValue());
        assertThat(second.itemIds()).isEqualTo(lamps.subList(10, 15));
        assertThat(second.body().has("nextAfter")).isFalse();
    }

    @Test
    @Order(3)
    void theClientHandsOnEveryReachableStockedWarehouseInServiceabilitysOrderButShoppersNeverSeeThem()
            throws Exception {
        String lamp = lamps.get(0);
        var events = new IntegrationEventPublisher(
                kafka, json, new TopicNames(serviceability.topicPrefix()), "/bazaar/test", traces);
        events.publish(new StockChanged(UUID.randomUUID(), Instant.now(), lamp, "WH-DEL", 3, 8, 2))
                .get();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        client.check(METRO, List.of(lamp)).of(lamp).candidates().size() == 2);

        JsonNode own = serviceability.batch(METRO, List.of(lamp)).path("items").get(0);
        List<String> ownOrder =
                own.path("candidates").valueStream().map(JsonNode::stringValue).toList();
        Delivery delivery = client.check(METRO, List.of(lamp)).of(lamp);
        assertThat(ownOrder).containsExactlyInAnyOrder(ServiceabilityNetwork.WAREHOUSE, "WH-DEL");
        assertThat(ownOrder.get(0)).isEqualTo(own.path("warehouseId").stringValue());
        assertThat(delivery.candidates()).isEqualTo(ownOrder);
        // Where it cannot go there is no warehouse to reserve from.
        assertThat(client.check(HILLS, List.of(wardrobes.get(0))).of(wardrobes.get(0)))
                .satisfies(hills -> {
                    assertThat(hills.undeliverable()).isTrue();
                    assertThat(hills.candidates()).isEmpty();
                });

        var answer = api.search("q", "wooden", "size", "40", "pincode", METRO);
        assertThat(answer.itemIds()).contains(lamp);
        answer.body()
                .path("items")
                .forEach(item -> assertThat(item.path("delivery").has("candidates"))
                        .as("warehouses are not the shopper's business")
                        .isFalse());
    }

    @Test
    @Order(4)
    void nothingReachesARemotePincode() {
        var answer = api.search("q", "wooden", "size", "10", "pincode", REMOTE);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.itemIds()).isEmpty();
        assertThat(answer.total()).isEqualTo(40);
        // Without a pincode nothing is checked or hidden.
        var anywhere = api.search("q", "wooden", "size", "10");
        assertThat(anywhere.itemIds()).hasSize(10);
        assertThat(anywhere.body().path("deliverability").stringValue()).isEqualTo("NOT_CHECKED");
        assertThat(anywhere.body().path("items").get(0).has("delivery")).isFalse();
    }

    @Test
    @Order(5)
    void withServiceabilityStoppedSearchStillAnswersWithDeliveryUnknown() {
        serviceability.close();
        var answer = api.search("q", "wooden", "sort", "price_asc", "size", "10", "pincode", HILLS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("deliverability").stringValue()).isEqualTo("DOWN");
        assertThat(answer.itemIds()).isEqualTo(wardrobes.subList(0, 10));
        answer.body()
                .path("items")
                .forEach(item -> assertThat(item.path("delivery").path("status").stringValue())
                        .isEqualTo("UNKNOWN"));
    }
}
