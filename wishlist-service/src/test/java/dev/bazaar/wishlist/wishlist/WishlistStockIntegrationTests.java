package dev.bazaar.wishlist.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each entry's {@code stock} and {@code backInStock} from real StockChanged records on the class's
 * isolated inventory.stock.v1 (as inventory-service will publish them, CloudEvents headers included),
 * consumed by the service's listener into MariaDB, with items in a real item-service process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class WishlistStockIntegrationTests {

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier("wishlist-stock-test-supplier");

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.wishlist.item-service.url", items::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    IntegrationEventPublisher publisher;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    @Test
    void eachEntrySaysInStockOutOfStockOrUnknownOnTheNextRead() {
        String user = bearer();
        String stocked = newItem(1_000);
        String soldOut = newItem(2_000);
        String neverHeardOf = newItem(3_000);
        for (String itemId : new String[] {stocked, soldOut, neverHeardOf}) {
            assertThat(add(user, itemId).status()).isEqualTo(201);
        }
        assertThat(entry(user, stocked).path("stock").asString()).isEqualTo("UNKNOWN");

        stock(stocked, 7, 1);
        stock(soldOut, 0, 1);

        awaitStock(user, stocked, "IN_STOCK");
        awaitStock(user, soldOut, "OUT_OF_STOCK");
        assertThat(entry(user, neverHeardOf).path("stock").asString()).isEqualTo("UNKNOWN");
        assertThat(entry(user, stocked).path("backInStock").asBoolean()).isFalse();
        assertThat(entry(user, soldOut).path("backInStock").asBoolean()).isFalse();

        // The stock follows the newest event: sold out, then stocked again.
        stock(stocked, 0, 2);
        awaitStock(user, stocked, "OUT_OF_STOCK");
        stock(soldOut, 3, 2);
        awaitStock(user, soldOut, "IN_STOCK");
    }

    /**
     * A late event with an older version and a redelivery of the current one change nothing: the
     * stock stays as the newest event said, and no out-of-stock spell (which the late event would
     * open, and the redelivery would close) is seen. A malformed record sent after them on the same
     * key (version 0) is the marker: once it is on the dead-letter topic, both were processed before it.
     */
    @Test
    void aLateOlderEventAndARedeliveryChangeNothing() {
        String user = bearer();
        String itemId = newItem(4_000);
        assertThat(add(user, itemId).status()).isEqualTo(201);
        StockChanged current = event(itemId, 5, 3);
        publisher.publish(current).join();
        awaitStock(user, itemId, "IN_STOCK");

        publisher.publish(event(itemId, 0, 2)).join();
        publisher.publish(current).join();
        publisher.publish(event(itemId, 9, 0)).join();
        KafkaRecords.firstWithKey(
                LocalServer.KAFKA.address(),
                Topics.deadLetterOf(names.topic(Topics.INVENTORY_STOCK)),
                itemId,
                Duration.ofSeconds(60));

        JsonNode entry = entry(user, itemId);
        assertThat(entry.path("stock").asString()).isEqualTo("IN_STOCK");
        assertThat(entry.path("backInStock").asBoolean()).isFalse();
    }

    @Test
    void backInStockOnceOutOfStockSinceTheAddAndInStockAgain() {
        String alice = bearer();
        String itemId = newItem(5_000);
        assertThat(add(alice, itemId).status()).isEqualTo(201);
        stock(itemId, 4, 1);
        awaitStock(alice, itemId, "IN_STOCK");
        assertThat(entry(alice, itemId).path("backInStock").asBoolean()).isFalse();

        stock(itemId, 0, 2);
        awaitStock(alice, itemId, "OUT_OF_STOCK");
        assertThat(entry(alice, itemId).path("backInStock").asBoolean()).isFalse();

        stock(itemId, 2, 3);
        awaitStock(alice, itemId, "IN_STOCK");
        assertThat(entry(alice, itemId).path("backInStock").asBoolean()).isTrue();

        // Bob adds it after it came back: it has not been out of stock since his add.
        String bob = bearer();
        assertThat(add(bob, itemId).status()).isEqualTo(201);
        assertThat(entry(bob, itemId).path("stock").asString()).isEqualTo("IN_STOCK");
        assertThat(entry(bob, itemId).path("backInStock").asBoolean()).isFalse();

        // Out of stock again: not "back" while it is out.
        stock(itemId, 0, 4);
        awaitStock(alice, itemId, "OUT_OF_STOCK");
        assertThat(entry(alice, itemId).path("backInStock").asBoolean()).isFalse();
    }

    @Test
    void anItemAddedWhileOutOfStockIsBackInStockWhenItReturns() {
        String itemId = newItem(6_000);
        stock(itemId, 0, 1);
        // Another shopper's entry shows when the out-of-stock event has been taken in.
        String probe = bearer();
        assertThat(add(probe, itemId).status()).isEqualTo(201);
        awaitStock(probe, itemId, "OUT_OF_STOCK");

        String user = bearer();
        assertThat(add(user, itemId).status()).isEqualTo(201);
        assertThat(entry(user, itemId).path("stock").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(entry(user, itemId).path("backInStock").asBoolean()).isFalse();

        stock(itemId, 1, 2);
        awaitStock(user, itemId, "IN_STOCK");
        assertThat(entry(user, itemId).path("backInStock").asBoolean()).isTrue();
    }

    // --- helpers

    private String newItem(long priceMinor) {
        return items.newItem(priceMinor);
    }

    /** One warehouse's stock change; {@code totalAvailable} is the item's stock over all warehouses. */
    private static StockChanged event(String itemId, long totalAvailable, long version) {
        return new StockChanged(
                UUID.randomUUID(), Instant.now(), itemId, "wh-1", totalAvailable, totalAvailable, version);
    }

    private void stock(String itemId, long totalAvailable, long version) {
        publisher.publish(event(itemId, totalAvailable, version)).join();
    }

    private void awaitStock(String user, String itemId, String stock) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> stock.equals(entry(user, itemId).path("stock").asString()));
    }

    private static String bearer() {
        return TestJwts.bearer(UUID.randomUUID().toString());
    }

    private HttpTestClient.Response add(String user, String itemId) {
        return api.post("/api/wishlist/items", Map.of("itemId", itemId), "Authorization", user);
    }

    private JsonNode entry(String user, String itemId) {
        HttpTestClient.Response wishlist = api.get("/api/wishlist", "Authorization", user);
        assertThat(wishlist.status()).as(wishlist.body()).isEqualTo(200);
        for (JsonNode entry : wishlist.json().path("entries")) {
            if (itemId.equals(entry.path("itemId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no entry for " + itemId + " in " + wishlist.body());
    }
}
