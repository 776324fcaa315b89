package dev.bazaar.wishlist.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What wishlist.events.v1 carries (the price) and that the cap holds under parallel adds with
 * exactly one event for the one add that fits; items in a real item-service process. The cap is
 * small here (4, from configuration), so the rule tested is the same as at the default 200.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bazaar.wishlist.max-entries=" + WishlistEventsIntegrationTests.MAX_ENTRIES})
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class WishlistEventsIntegrationTests {

    static final int MAX_ENTRIES = 4;
    static final int RACING = 8;
    static final int ROUNDS = 3;

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier("wishlist-events-test-supplier");

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.wishlist.item-service.url", items::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    /**
     * ADDED carries item-service's price at the add; REMOVED carries that same added price, also
     * after item-service's price changed (the choice the contract documents).
     */
    @Test
    void eventsCarryTheAddedPriceAlsoWhenRemovedAfterAPriceChange() {
        String userId = UUID.randomUUID().toString();
        String user = TestJwts.bearer(userId);
        String itemId = items.newItem(20_000);
        assertThat(add(user, itemId).status()).isEqualTo(201);

        items.changePrice(itemId, 15_000);
        assertThat(api.delete("/api/wishlist/items/" + itemId, "Authorization", user)
                        .status())
                .isEqualTo(204);

        List<JsonNode> events = eventsOf(List.of(userId));
        assertThat(events).extracting(e -> e.path("action").asString()).containsExactly("ADDED", "REMOVED");
        assertThat(events).extracting(e -> e.path("itemId").asString()).containsOnly(itemId);
        for (JsonNode event : events) {
            assertThat(event.path("price").path("minor").asLong()).isEqualTo(20_000);
            assertThat(event.path("price").path("currency").asString()).isEqualTo("INR");
        }
    }

    /**
     * A wishlist one below the cap, then eight parallel adds of eight different items: exactly one
     * fits (201), the seven others are 400 wishlist-limit, the wishlist holds the cap, and the topic
     * has exactly one ADDED among the racing items, the winner's. Several rounds (one shopper each),
     * so a lost race shows even when one round happens to run the adds one after the other.
     */
    @Test
    void parallelAddsOneBelowTheCapAddExactlyOneEntryAndOneEvent() throws Exception {
        // Sent together, then waited for: one wait for all, not one per item.
        List<CanonicalItem> sent = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES - 1 + RACING; i++) {
            CanonicalItem item =
                    items.item("sku-" + UUID.randomUUID()).price(100 + i).build();
            items.send(item);
            sent.add(item);
        }
        sent.forEach(items::awaitServed);
        List<String> prefill = sent.subList(0, MAX_ENTRIES - 1).stream()
                .map(CanonicalItem::itemId)
                .toList();
        List<String> racing = sent.subList(MAX_ENTRIES - 1, sent.size()).stream()
                .map(CanonicalItem::itemId)
                .toList();

        List<String> userIds = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String userId = UUID.randomUUID().toString();
            String user = TestJwts.bearer(userId);
            userIds.add(userId);
            for (String itemId : prefill) {
                assertThat(add(user, itemId).status()).isEqualTo(201);
            }
            var next = new AtomicInteger();
            List<HttpTestClient.Response> raced =
                    Together.run(RACING, () -> add(user, racing.get(next.getAndIncrement())));

            List<HttpTestClient.Response> created =
                    raced.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as("round %d: %s", round, raced).hasSize(1);
            for (HttpTestClient.Response refused : raced) {
                if (refused.status() != 201) {
                    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                    assertThat(refused.text("type")).endsWith("wishlist-limit");
                    assertThat(refused.json().path("limit").asInt()).isEqualTo(MAX_ENTRIES);
                }
            }
            String winner = created.get(0).text("itemId");
            winners.add(winner);
            HttpTestClient.Response wishlist = api.get("/api/wishlist", "Authorization", user);
            assertThat(wishlist.json().path("total").asInt()).isEqualTo(MAX_ENTRIES);
        }

        List<JsonNode> events = eventsOf(userIds);
        for (int round = 0; round < ROUNDS; round++) {
            String userId = userIds.get(round);
            List<JsonNode> ofRound = events.stream()
                    .filter(e -> userId.equals(e.path("userId").asString()))
                    .toList();
            assertThat(ofRound).hasSize(MAX_ENTRIES);
            assertThat(ofRound).extracting(e -> e.path("action").asString()).containsOnly("ADDED");
            assertThat(ofRound)
                    .extracting(e -> e.path("itemId").asString())
                    .filteredOn(racing::contains)
                    .containsExactly(winners.get(round));
        }
    }

    // --- helpers

    /** Every event of these shoppers, in order: read once the outbox is empty, so nothing is still to come. */
    private List<JsonNode> eventsOf(List<String> userIds) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        return KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.WISHLIST_EVENTS), Duration.ofSeconds(60))
                .stream()
                .filter(record -> userIds.contains(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                .toList();
    }

    private HttpTestClient.Response add(String user, String itemId) {
        return api.post("/api/wishlist/items", Map.of("itemId", itemId), "Authorization", user);
    }
}
