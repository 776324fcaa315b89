package dev.bazaar.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.KafkaEvents;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * What a PLACED order bought leaves the shopper's cart: real {@code OrderStatusChanged} records on the
 * class's isolated orders.events.v1, sent as order-service's outbox sends them (JSON keyed by the order
 * id, CloudEvents headers), consumed by the service's listener into MariaDB; the carts are filled and
 * read through the API against a real item-service process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class PlacedOrdersIntegrationTests {

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier("cart-orders-test-supplier");

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.cart.item-service.url", items::baseUrl);
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
     * Ordered 1 of 3: 2 stay; 2 of 2 and 2 of 1 (lowered since): gone; a line not ordered stays; an
     * ordered item not in the cart is not added. The transitions before PLACED and after it (PACKED),
     * all with the same lines, and the PLACED record delivered again change nothing: each would take
     * the kept line's quantity down again. A malformed record sent last on the same key is the marker:
     * once it is on the dead-letter topic, every record before it was processed. Another shopper's
     * cart with the same item is not touched. One CartChanged per change, none for the replay.
     */
    @Test
    void aPlacedOrderTakesWhatItBoughtOutOfTheCartOnce() {
        String userId = UUID.randomUUID().toString();
        String user = TestJwts.bearer(userId);
        String other = TestJwts.bearer(UUID.randomUUID().toString());
        String more = items.newItem(1_000);
        String same = items.newItem(2_000);
        String fewer = items.newItem(3_000);
        String notOrdered = items.newItem(4_000);
        String notInCart = items.newItem(5_000);
        add(user, more, 3);
        add(user, same, 2);
        add(user, fewer, 1);
        add(user, notOrdered, 2);
        add(other, more, 3);

        String orderId = UUID.randomUUID().toString();
        List<OrderLine> lines = List.of(line(more, 1), line(same, 2), line(fewer, 2), line(notInCart, 1));
        OrderStatusChanged placed = event(orderId, userId, OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED, lines);
        try (KafkaEvents orders = KafkaEvents.open("order-service")) {
            orders.publish(names.topicPrefix(), event(orderId, userId, null, OrderStatus.CREATED, lines));
            orders.publish(
                    names.topicPrefix(),
                    event(orderId, userId, OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING, lines));
            orders.publish(names.topicPrefix(), placed);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> quantities(user).get(same) == null);

            orders.publish(names.topicPrefix(), event(orderId, userId, OrderStatus.PLACED, OrderStatus.PACKED, lines));
            orders.publish(names.topicPrefix(), placed);
            orders.publish(
                    names.topicPrefix(), event(orderId, null, OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED, lines));
        }
        KafkaRecords.firstWithKey(
                LocalServer.KAFKA.address(),
                Topics.deadLetterOf(names.topic(Topics.ORDER_EVENTS)),
                orderId,
                Duration.ofSeconds(60));

        assertThat(quantities(user)).isEqualTo(Map.of(more, 2, notOrdered, 2));
        assertThat(quantities(other)).isEqualTo(Map.of(more, 3));

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        List<String> changes = KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.CART_EVENTS), Duration.ofSeconds(60))
                .stream()
                .filter(record -> userId.equals(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                .filter(change -> !"ADDED".equals(change.path("action").asString()))
                .map(change -> change.path("action").asString() + ":"
                        + change.path("itemId").asString() + ":"
                        + change.path("quantity").asInt())
                .toList();
        // One transaction's events leave the outbox in no fixed order.
        assertThat(changes)
                .containsExactlyInAnyOrder(
                        "UPDATED:" + more + ":2", "REMOVED:" + same + ":0", "REMOVED:" + fewer + ":0");
    }

    private static OrderStatusChanged event(
            String orderId, String userId, OrderStatus from, OrderStatus to, List<OrderLine> lines) {
        return new OrderStatusChanged(
                UUID.randomUUID(), Instant.now(), orderId, userId, from, to, null, lines, Money.inr(99_000));
    }

    private static OrderLine line(String itemId, int quantity) {
        return new OrderLine(itemId, "cart-orders-test-supplier", "WH-BOM", quantity, Money.inr(1_000));
    }

    private void add(String user, String itemId, int quantity) {
        HttpTestClient.Response added =
                api.post("/api/cart/items", Map.of("itemId", itemId, "quantity", quantity), "Authorization", user);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    /** The cart as the shopper reads it: quantity per item id. */
    private Map<String, Integer> quantities(String user) {
        HttpTestClient.Response cart = api.get("/api/cart", "Authorization", user);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        Map<String, Integer> quantities = new HashMap<>();
        for (JsonNode line : cart.json().path("lines")) {
            quantities.put(line.path("itemId").asString(), line.path("quantity").asInt());
        }
        return quantities;
    }
}
