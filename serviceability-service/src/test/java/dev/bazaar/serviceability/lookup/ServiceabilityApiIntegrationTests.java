package dev.bazaar.serviceability.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.serviceability.Events;
import dev.bazaar.serviceability.OpsClient;
import dev.bazaar.serviceability.itemlocation.ItemLocationStore;
import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The serviceability API end to end: network loaded through the OPS API, item projections fed by
 * real Kafka events, lookups answered from the Redis matrix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceabilityApiIntegrationTests {

    /** 10:00 and 15:00 IST on a Monday; W1's cut-off is 14:00, W2's 18:00. */
    static final String MORNING = "2025-03-10T04:30:00Z";

    static final String AFTERNOON = "2025-03-10T09:30:00Z";

    static final String SMALL_AT_W1 = id("small-at-w1");
    static final String SMALL_AT_BOTH = id("small-at-both");
    static final String BULKY_AT_W2 = id("bulky-at-w2");
    static final String SOLD_OUT_AT_W2 = id("sold-out-at-w2");
    static final String SOLD_OUT = id("sold-out");
    static final String NEVER_SEEN = id("never-seen");
    static final String DEACTIVATED = id("deactivated");
    static final String LATE_EVENT = id("late-event");

    @Autowired
    MockMvc mvc;

    @Autowired
    IntegrationEventPublisher events;

    @Autowired
    ItemLocations locations;

    @Autowired
    ItemLocationStore itemStore;

    @BeforeAll
    void networkAndEvents() throws Exception {
        new OpsClient(mvc).loadTestNetwork();
        publish(Events.item(SMALL_AT_W1, SizeClass.SMALL, 1), Events.stock(SMALL_AT_W1, "W1", 5, 1));
        publish(
                Events.item(SMALL_AT_BOTH, SizeClass.SMALL, 1),
                Events.stock(SMALL_AT_BOTH, "W1", 5, 1),
                Events.stock(SMALL_AT_BOTH, "W2", 5, 2));
        publish(Events.item(BULKY_AT_W2, SizeClass.BULKY, 1), Events.stock(BULKY_AT_W2, "W2", 2, 1));
        publish(Events.item(SOLD_OUT, SizeClass.SMALL, 1), Events.stock(SOLD_OUT, "W1", 0, 1));
        // W2 would be the faster warehouse, but its stock has gone.
        publish(
                Events.item(SOLD_OUT_AT_W2, SizeClass.SMALL, 1),
                Events.stock(SOLD_OUT_AT_W2, "W2", 3, 1),
                Events.stock(SOLD_OUT_AT_W2, "W1", 5, 2),
                Events.stock(SOLD_OUT_AT_W2, "W2", 0, 3));
        publish(
                Events.item(DEACTIVATED, SizeClass.SMALL, 1),
                Events.stock(DEACTIVATED, "W1", 5, 1),
                Events.item(DEACTIVATED, SizeClass.SMALL, 2, CatalogItemChanged.Change.DEACTIVATED, false));
        // Version 2 says "in stock"; version 1 ("sold out") arrives late and must be ignored; a
        // redelivered version 2 changes nothing.
        var current = Events.stock(LATE_EVENT, "W1", 7, 2);
        publish(Events.item(LATE_EVENT, SizeClass.SMALL, 1), current, Events.stock(LATE_EVENT, "W1", 0, 1), current);
        String marker = id("marker");
        publish(Events.item(marker, SizeClass.SMALL, 1), Events.stock(marker, "W1", 1, 1));
        // Events on one topic are consumed in order per item; the marker comes last on each topic.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> locations.stock(marker) != null && locations.size(marker) != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> locations.stock(LATE_EVENT) != null
                        && locations.stock(SOLD_OUT_AT_W2) != null
                        && Arrays.stream(locations.stock(SOLD_OUT_AT_W2).versions())
                                        .max()
                                        .orElse(0)
                                == 3
                        && locations.size(DEACTIVATED) != null
                        && !locations.size(DEACTIVATED).active());
    }

    private void publish(IntegrationEvent... toSend) throws Exception {
        for (IntegrationEvent event : toSend) {
            events.publish(event).get();
        }
    }

    /** The API docs say which calls need a token and how errors look, as they do. */
    @Test
    void theApiDocsListThePublicLookupsAndTheOpsNetworkApi() throws Exception {
        ApiDocument doc = ApiDocument.parse(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        doc.assertPlatformConventions("serviceability-service")
                .assertBearerScheme()
                .assertOperations(
                        "GET /api/serviceability",
                        "POST /api/serviceability/batch",
                        "GET /api/logistics/pincodes/{code}",
                        "POST /api/ops/logistics/{part}",
                        "POST /api/ops/logistics/matrix/rebuild");
        assertThat(doc.securityOf("GET /api/serviceability")).isEmpty();
        assertThat(doc.securityOf("POST /api/serviceability/batch")).isEmpty();
        assertThat(doc.securityOf("GET /api/logistics/pincodes/{code}")).isEmpty();
        assertThat(doc.securityOf("POST /api/ops/logistics/{part}")).containsExactly(ApiDocument.BEARER);
        // One operation, two ways to send the rows.
        assertThat(doc.operation("POST /api/ops/logistics/{part}")
                        .getRequestBody()
                        .getContent())
                .containsKeys("text/csv", "application/json");
        doc.assertProblemResponse("GET /api/serviceability", 400)
                .assertProblemResponse("GET /api/logistics/pincodes/{code}", 404)
                .assertProblemResponse("POST /api/ops/logistics/{part}", 403);
    }

    @Test
    void anItemStockedInOneWarehouseIsPromisedByShortestPathPlusHandling() throws Exception {
        // W1 → A → C → B → 110001 = 13 h transit (SMALL may use the MEDIUM lane) + 4 h handling.
        mvc.perform(get("/api/serviceability")
                        .param("itemId", SMALL_AT_W1)
                        .param("pincode", "110001")
                        .param("orderTime", MORNING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliverable").value(true))
                .andExpect(jsonPath("$.warehouseId").value("W1"))
                .andExpect(jsonPath("$.candidates").value(contains("W1")))
                .andExpect(jsonPath("$.etaHours").value(17))
                .andExpect(jsonPath("$.promiseDate").value("2025-03-11"))
                .andExpect(jsonPath("$.promisedBy").value("2025-03-11T03:00:00+05:30"))
                .andExpect(jsonPath("$.reason").value(nullValue()));
    }

    @Test
    void anOrderAfterTheCutoffIsPromisedFromTheNextDay() throws Exception {
        // Handling starts at midnight: 9 h waiting + 17 h.
        mvc.perform(get("/api/serviceability")
                        .param("itemId", SMALL_AT_W1)
                        .param("pincode", "110001")
                        .param("orderTime", AFTERNOON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.etaHours").value(26))
                .andExpect(jsonPath("$.promisedBy").value("2025-03-11T17:00:00+05:30"));
    }

    @Test
    void theFastestStockedWarehouseWinsAndTheOthersFollowInPromiseOrder() throws Exception {
        // W2 → C → B → 110001 = 8 h + 6 h handling = 14 h, beats W1's 17 h (the stock lists W1 first).
        mvc.perform(get("/api/serviceability")
                        .param("itemId", SMALL_AT_BOTH)
                        .param("pincode", "110001")
                        .param("orderTime", MORNING))
                .andExpect(jsonPath("$.warehouseId").value("W2"))
                .andExpect(jsonPath("$.candidates").value(contains("W2", "W1")))
                .andExpect(jsonPath("$.etaHours").value(14));
    }

    @Test
    void aWarehouseWithoutStockIsNoCandidateHoweverFastItIs() throws Exception {
        mvc.perform(get("/api/serviceability")
                        .param("itemId", SOLD_OUT_AT_W2)
                        .param("pincode", "110001")
                        .param("orderTime", MORNING))
                .andExpect(jsonPath("$.deliverable").value(true))
                .andExpect(jsonPath("$.warehouseId").value("W1"))
                .andExpect(jsonPath("$.candidates").value(contains("W1")))
                .andExpect(jsonPath("$.etaHours").value(17));
    }

    @Test
    void theBatchAnswersEveryItemWithAReason() throws Exception {
        String body =
                """
                {"pincode":"560001","orderTime":"%s","itemIds":["%s","%s","%s","%s","%s","%s"]}
                """.formatted(MORNING, SMALL_AT_BOTH, BULKY_AT_W2, SOLD_OUT, NEVER_SEEN, DEACTIVATED, SMALL_AT_W1);
        mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pincode").value("560001"))
                .andExpect(jsonPath("$.items.length()").value(6))
                .andExpect(jsonPath("$.items[0].deliverable").value(true))
                .andExpect(jsonPath("$.items[0].warehouseId").value("W2"))
                .andExpect(jsonPath("$.items[0].candidates").value(contains("W2", "W1")))
                .andExpect(jsonPath("$.items[0].etaHours").value(12))
                .andExpect(jsonPath("$.items[1].reason").value("NOT_SERVICEABLE")) // last mile carries ≤ LARGE
                .andExpect(jsonPath("$.items[1].candidates").value(empty()))
                .andExpect(jsonPath("$.items[2].reason").value("OUT_OF_STOCK"))
                .andExpect(jsonPath("$.items[2].candidates").value(empty()))
                .andExpect(jsonPath("$.items[3].reason").value("UNKNOWN_ITEM"))
                .andExpect(jsonPath("$.items[4].reason").value("INACTIVE"))
                .andExpect(jsonPath("$.items[5].deliverable").value(true))
                .andExpect(jsonPath("$.items[5].candidates").value(contains("W1")))
                .andExpect(jsonPath("$.items[5].etaHours").value(2 + 4 + 5 + 4));
    }

    @Test
    void aKnownPincodeThatNothingReachesIsUndeliverableNotUnknown() throws Exception {
        mvc.perform(get("/api/serviceability").param("itemId", SMALL_AT_W1).param("pincode", "999999"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliverable").value(false))
                .andExpect(jsonPath("$.reason").value("NOT_SERVICEABLE"));
    }

    @Test
    void lateAndRepeatedStockEventsAreIgnoredInMemoryAndInMariaDb() throws Exception {
        mvc.perform(get("/api/serviceability").param("itemId", LATE_EVENT).param("pincode", "110001"))
                .andExpect(jsonPath("$.deliverable").value(true));

        ItemLocations reloaded = new ItemLocations();
        itemStore.loadInto(reloaded);
        assertThat(reloaded.stock(LATE_EVENT).available()).containsExactly(7);
        assertThat(reloaded.stock(LATE_EVENT).versions()).containsExactly(2);
        assertThat(reloaded.size(DEACTIVATED).active()).isFalse();
    }

    @Test
    void aPincodeShowsItsLastMileCouriers() throws Exception {
        mvc.perform(get("/api/logistics/pincodes/{code}", "560001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("Karnataka"))
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.lastMile[0].hub").value("C"))
                .andExpect(jsonPath("$.lastMile[0].courierName").value("Yatra"))
                .andExpect(jsonPath("$.lastMile[0].maxSize").value("LARGE"));
        mvc.perform(get("/api/logistics/pincodes/{code}", "999999"))
                .andExpect(jsonPath("$.covered").value(false));
    }

    @Test
    void withoutAnOrderTimeTheServiceUsesNow() throws Exception {
        String body = mvc.perform(
                        get("/api/serviceability").param("itemId", SMALL_AT_W1).param("pincode", "110001"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("\"deliverable\":true").contains("\"warehouseId\":\"W1\"");
    }

    static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes()).toString();
    }
}
