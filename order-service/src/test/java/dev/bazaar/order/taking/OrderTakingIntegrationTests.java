package dev.bazaar.order.taking;

import static dev.bazaar.order.CheckoutPeers.order;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.order.CheckoutPeers;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.TopicTail;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Taking orders against the real peers (see {@link CheckoutPeers}): priced by item-service whatever the client
 * sends, stock reserved and sold or given back in inventory-service, paid or declined on payment-service's PSP
 * simulator page, the last unit raced, retries and bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderTakingIntegrationTests {

    static CheckoutPeers peers;

    @DynamicPropertySource
    static void startPeers(DynamicPropertyRegistry registry) throws Exception {
        peers = CheckoutPeers.start(registry, "order-taking-supplier");
    }

    @AfterAll
    void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Orders orders;

    @Autowired
    JsonMapper json;

    HttpTestClient api() {
        return HttpTestClient.local(port);
    }

    HttpTestClient.Response place(CheckoutPeers.Shopper shopper, String key, Map<String, Object> body) {
        return key == null
                ? api().post("/api/orders", body, "Authorization", shopper.bearer())
                : api().post("/api/orders", body, "Authorization", shopper.bearer(), "Idempotency-Key", key);
    }

    JsonNode awaitStatus(CheckoutPeers.Shopper shopper, String orderId, String status) {
        return Awaitility.await(orderId + " " + status)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api().get("/api/orders/" + orderId, "Authorization", shopper.bearer())
                                .json(),
                        order -> status.equals(order.path("status").asString()));
    }

    @Test
    void paidOrderIsPlacedAndItsStockSoldAtTheCatalogPrice() throws Exception {
        String lamp = peers.stockedItem(1_499, 5);
        String kettle = peers.stockedItem(2_250, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        // A client price is not part of the API and is not used.
        Map<String, Object> body = Map.of(
                "lines",
                List.of(
                        Map.of("itemId", lamp, "quantity", 2, "unitPrice", Map.of("minor", 1, "currency", "INR")),
                        Map.of("itemId", kettle, "quantity", 1)),
                "paymentMethod",
                "CARD");

        HttpTestClient.Response taken = place(shopper, UUID.randomUUID().toString(), body);

        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        JsonNode order = taken.json();
        String orderId = order.path("orderId").asString();
        assertThat(order.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(order.path("total").path("minor").asLong()).isEqualTo(2 * 1_499 + 2_250);
        assertThat(order.path("lines").get(0).path("unitPrice").path("minor").asLong())
                .isEqualTo(1_499);
        assertThat(order.path("lines")
                        .valueStream()
                        .map(line -> line.path("warehouseId").asString()))
                .containsOnly(ServiceabilityNetwork.WAREHOUSE);
        assertThat(order.path("payment").path("redirectUrl").asString()).contains("/psp-simulator/pay/");
        assertThat(order.path("expiresAt").asString()).isNotEmpty();
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 2L, 0L);
        assertThat(redis.getExpire(redisKeyOf(orderId))).isPositive();
        assertThat(peers.paymentOf(orderId).path("amount").path("minor").asLong())
                .isEqualTo(2 * 1_499 + 2_250);

        assertThat(peers.payments.pay(order.path("payment").path("redirectUrl").asString()))
                .isEqualTo(303);

        awaitStatus(shopper, orderId, "PLACED");
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 2L);
        assertThat(peers.metroStock(kettle)).containsExactly(4L, 0L, 1L);
        // Every move on orders.events.v1 with the whole order.
        try (TopicTail tail = new TopicTail(LocalServer.KAFKA.address(), peers.topicPrefix() + Topics.ORDER_EVENTS)) {
            List<OrderStatusChanged> events =
                    tail.withKey(orderId, records -> records.size() >= 3, Duration.ofSeconds(60)).stream()
                            .map(record -> json.readValue(record.value(), OrderStatusChanged.class))
                            .toList();
            assertThat(events)
                    .extracting(OrderStatusChanged::to)
                    .containsExactly(OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED);
            OrderStatusChanged placed = events.get(2);
            assertThat(placed.from()).isEqualTo(OrderStatus.PAYMENT_PENDING);
            assertThat(placed.userId()).isEqualTo(shopper.userId());
            assertThat(placed.total().minor()).isEqualTo(2 * 1_499 + 2_250);
            assertThat(placed.lines()).hasSize(2);
            assertThat(placed.lines().get(0).warehouseId()).isEqualTo(ServiceabilityNetwork.WAREHOUSE);
            // The seller of each line, as item-service knows the item.
            assertThat(placed.lines())
                    .allSatisfy(line -> assertThat(line.supplierId()).isEqualTo("order-taking-supplier"));
            // And its title as the order was taken with it (what a notification shows).
            assertThat(placed.lines())
                    .extracting(line -> line.itemId() + " " + line.title())
                    .containsExactlyInAnyOrderElementsOf(order.path("lines")
                            .valueStream()
                            .map(line -> line.path("itemId").asString() + " "
                                    + line.path("title").asString())
                            .toList());
            assertThat(placed.lines())
                    .allSatisfy(line -> assertThat(line.title()).isNotBlank());
        }
    }

    @Test
    void anOrderWithoutLinesTakesTheShoppersCartAndOncePaidTheCartIsEmptied() {
        String lamp = peers.stockedItem(1_499, 5);
        String kettle = peers.stockedItem(2_250, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        HttpTestClient cart = new HttpTestClient(peers.carts.baseUrl()).withHeader("Authorization", shopper.bearer());
        assertThat(cart.post("/api/cart/items", Map.of("itemId", lamp, "quantity", 2))
                        .status())
                .isEqualTo(200);
        assertThat(cart.post("/api/cart/items", Map.of("itemId", kettle, "quantity", 1))
                        .status())
                .isEqualTo(200);

        HttpTestClient.Response taken = place(shopper, UUID.randomUUID().toString(), Map.of("paymentMethod", "UPI"));

        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json()
                        .path("lines")
                        .valueStream()
                        .map(line -> line.path("itemId").asString() + "x"
                                + line.path("quantity").asInt()))
                .containsExactlyInAnyOrder(lamp + "x2", kettle + "x1");
        assertThat(taken.json().path("total").path("minor").asLong()).isEqualTo(2 * 1_499 + 2_250);

        peers.payments.pay(taken.json().path("payment").path("redirectUrl").asString());
        awaitStatus(shopper, taken.text("orderId"), "PLACED");
        Awaitility.await("cart emptied by the PLACED event")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cart.get("/api/cart").json().path("lines").size() == 0);
    }

    @Test
    void declinedOrderIsCancelledAndItsStockGivenBack() {
        String lamp = peers.stockedItem(1_499, 3);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        HttpTestClient.Response taken = place(shopper, UUID.randomUUID().toString(), order(lamp, 2));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 2L, 0L);

        peers.payments.decline(taken.json().path("payment").path("redirectUrl").asString());

        JsonNode cancelled = awaitStatus(shopper, taken.text("orderId"), "CANCELLED");
        assertThat(cancelled.path("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(peers.metroStock(lamp)).containsExactly(3L, 0L, 0L);
    }

    @Test
    void aRetryWithTheSameKeyIsTheSameOrderWithOnePaymentAndAnotherBodyIs422() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String key = UUID.randomUUID().toString();

        HttpTestClient.Response first = place(shopper, key, order(lamp, 1));
        HttpTestClient.Response again = place(shopper, key, order(lamp, 1));
        HttpTestClient.Response other = place(shopper, key, order(lamp, 2));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(again.json().path("payment").path("paymentId"))
                .isEqualTo(first.json().path("payment").path("paymentId"));
        assertProblem(other, 422, "idempotency-key-reused");
        JsonNode mine =
                api().get("/api/orders", "Authorization", shopper.bearer()).json();
        assertThat(mine.path("orders").size()).isEqualTo(1);
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 1L, 0L);
    }

    /** A double tap: both arrive together; one order is taken, the other is told so or gets the same one. */
    @Test
    void twoRequestsWithOneKeyAtOnceMakeOneOrder() throws Exception {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String key = UUID.randomUUID().toString();

        List<HttpTestClient.Response> answers = Together.run(2, () -> place(shopper, key, order(lamp, 1)));

        assertThat(answers).extracting(HttpTestClient.Response::status).contains(201);
        for (HttpTestClient.Response answer : answers) {
            if (answer.status() == 409) {
                assertProblem(answer, 409, "order-in-progress");
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
        }
        assertThat(answers.stream()
                        .filter(answer -> answer.status() == 201)
                        .map(answer -> answer.text("orderId"))
                        .distinct())
                .hasSize(1);
        assertThat(api().get("/api/orders", "Authorization", shopper.bearer())
                        .json()
                        .path("orders")
                        .size())
                .isEqualTo(1);
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 1L, 0L);
    }

    @Test
    void withoutAnIdempotencyKeyNothingIsOrdered() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);

        assertProblem(place(shopper, null, order(lamp, 1)), 400, "idempotency-key-required");

        assertThat(api().get("/api/orders", "Authorization", shopper.bearer())
                        .json()
                        .path("orders")
                        .size())
                .isZero();
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 0L, 0L);
    }

    @Test
    void anotherShoppersOrderIsNotFound() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper owner = peers.shopper(ServiceabilityNetwork.METRO);
        CheckoutPeers.Shopper stranger = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId =
                place(owner, UUID.randomUUID().toString(), order(lamp, 1)).text("orderId");

        assertProblem(api().get("/api/orders/" + orderId, "Authorization", stranger.bearer()), 404, "not-found");
        assertProblem(
                api().post("/api/orders/" + orderId + "/cancel", Map.of(), "Authorization", stranger.bearer()),
                404,
                "not-found");
        assertThat(api().get("/api/orders/" + orderId, "Authorization", owner.bearer())
                        .text("status"))
                .isEqualTo("PAYMENT_PENDING");
    }

    @Test
    void threeBuyersOfTheLastUnitOnePaysTwoAreToldItIsOutOfStock() throws Exception {
        String tv = peers.stockedItem(3_999_900, 1);
        List<CheckoutPeers.Shopper> buyers = List.of(
                peers.shopper(ServiceabilityNetwork.METRO),
                peers.shopper(ServiceabilityNetwork.METRO),
                peers.shopper(ServiceabilityNetwork.METRO));

        List<HttpTestClient.Response> answers = Together.run(buyers.stream()
                .map(buyer -> (java.util.concurrent.Callable<HttpTestClient.Response>)
                        () -> place(buyer, UUID.randomUUID().toString(), order(tv, 1)))
                .toList());

        assertThat(answers).extracting(HttpTestClient.Response::status).containsExactlyInAnyOrder(201, 409, 409);
        for (HttpTestClient.Response refused :
                answers.stream().filter(a -> a.status() == 409).toList()) {
            assertProblem(refused, 409, "out-of-stock");
            assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                    .isEqualTo(tv);
            assertThat(orders.find(refused.text("orderId")).orElseThrow().status())
                    .isEqualTo(OrderStatus.CANCELLED);
        }
        assertThat(peers.metroStock(tv)).containsExactly(1L, 1L, 0L);
    }

    @Test
    void anUndeliverableLineCancelsTheOrderAndIsNamed() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper islander = peers.shopper(ServiceabilityNetwork.REMOTE);

        HttpTestClient.Response refused = place(islander, UUID.randomUUID().toString(), order(lamp, 1));

        assertProblem(refused, 409, "undeliverable");
        assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                .isEqualTo(lamp);
        assertThat(orders.find(refused.text("orderId")).orElseThrow().reason()).isEqualTo("UNDELIVERABLE");
        assertThat(peers.metroStock(lamp)).containsExactly(5L, 0L, 0L);
    }

    @Test
    void anUnknownItemIsRefusedNamingItAndNoOrderIsMade() {
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String unknown = UUID.randomUUID().toString();

        HttpTestClient.Response refused = place(shopper, UUID.randomUUID().toString(), order(unknown, 1));

        assertProblem(refused, 400, "unknown-item");
        assertThat(refused.json().path("items").get(0).asString()).isEqualTo(unknown);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE user_id = ?")
                        .param(shopper.userId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anIllegalTransitionIsRefusedAndNothingChanges() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId =
                place(shopper, UUID.randomUUID().toString(), order(lamp, 1)).text("orderId");
        int version = orders.find(orderId).orElseThrow().version();

        assertThatThrownBy(() -> orders.transition(orderId, OrderStatus.PAYMENT_PENDING, OrderStatus.SHIPPED, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
        // A legal move from a status the order is not in loses the compare-and-set: nothing changes either.
        assertThat(orders.transition(orderId, OrderStatus.CREATED, OrderStatus.CANCELLED, "stale"))
                .isFalse();

        assertThat(orders.find(orderId).orElseThrow())
                .extracting(order -> order.status(), order -> order.version())
                .containsExactly(OrderStatus.PAYMENT_PENDING, version);
        assertThat(orders.history(orderId))
                .extracting(step -> step.to())
                .containsExactly(OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING);
    }

    @Test
    void theShopperCancelsAWaitingOrderAndTheStockIsGivenBack() {
        String lamp = peers.stockedItem(1_499, 4);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId =
                place(shopper, UUID.randomUUID().toString(), order(lamp, 3)).text("orderId");

        HttpTestClient.Response cancelled =
                api().post("/api/orders/" + orderId + "/cancel", Map.of(), "Authorization", shopper.bearer());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("reason")).isEqualTo("cancelled-by-customer");
        assertThat(peers.metroStock(lamp)).containsExactly(4L, 0L, 0L);
    }

    @Test
    void opsReadsAnyOrderWithItsHistoryAndAShopperMayNot() {
        String lamp = peers.stockedItem(1_499, 5);
        CheckoutPeers.Shopper shopper = peers.shopper(ServiceabilityNetwork.METRO);
        String orderId =
                place(shopper, UUID.randomUUID().toString(), order(lamp, 1)).text("orderId");

        HttpTestClient.Response ops =
                api().get("/api/ops/orders/" + orderId, "Authorization", TestJwts.bearer("ops-1", "OPS"));

        assertThat(ops.status()).as(ops.body()).isEqualTo(200);
        assertThat(ops.text("userId")).isEqualTo(shopper.userId());
        assertThat(ops.json()
                        .path("history")
                        .valueStream()
                        .map(step -> step.path("to").asString()))
                .containsExactly("CREATED", "PAYMENT_PENDING");
        assertProblem(api().get("/api/ops/orders/" + orderId, "Authorization", shopper.bearer()), 403, null);
    }

    @Test
    void theApiDocumentListsEveryOperationBehindTheBearerScheme() {
        ApiDocument doc = ApiDocument.fetch(port)
                .assertPlatformConventions("order-service")
                .assertBearerScheme()
                .assertOperations(
                        "POST /api/orders",
                        "GET /api/orders",
                        "GET /api/orders/{orderId}",
                        "POST /api/orders/{orderId}/cancel",
                        "GET /api/ops/orders/{orderId}");

        assertThat(doc.securityOf("POST /api/orders")).containsExactly(ApiDocument.BEARER);
        doc.assertProblemResponse("POST /api/orders", 400).assertProblemResponse("GET /api/orders/{orderId}", 404);
    }

    @Autowired
    IsolatedNames names;

    private String redisKeyOf(String orderId) {
        return names.redisKeyPrefix() + "order:payment-timeout:" + orderId;
    }
}
