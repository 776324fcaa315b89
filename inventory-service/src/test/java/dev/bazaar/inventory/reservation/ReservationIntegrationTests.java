package dev.bazaar.inventory.reservation;

import static dev.bazaar.inventory.InventoryClient.line;
import static dev.bazaar.inventory.InventoryClient.newItemId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.inventory.InventoryClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reservations against the real MariaDB: the seed's last-TV race, all or none, idempotent reserve,
 * confirm and release, the status compare-and-set, and the sweeper. The sweeper runs every 200 ms here
 * so an expired reservation is released soon after its (tiny) ttl; the rule tested is the same at 30 s.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.inventory.reservations.sweep-interval=200ms")
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ReservationIntegrationTests {

    static final String WAREHOUSE = "WH-BOM";
    static final String NEAR = "WH-BLR";
    static final String FAR = "WH-MAA";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    InventoryClient inventory;

    @BeforeEach
    void client() {
        inventory = new InventoryClient(port);
    }

    @Test
    void threeBuyersOfTheLastTvOneWinsTwoAreRefused() throws Exception {
        String tv = newItemId();
        inventory.stock(WAREHOUSE, tv, 1);
        var buyer = new AtomicInteger();
        List<HttpTestClient.Response> answers = Together.run(
                3, () -> inventory.reserve("order-" + buyer.incrementAndGet() + "-" + tv, WAREHOUSE, null, tv, 1));

        assertThat(answers).extracting(HttpTestClient.Response::status).containsExactlyInAnyOrder(201, 409, 409);
        for (HttpTestClient.Response refused :
                answers.stream().filter(a -> a.status() == 409).toList()) {
            assertProblem(refused, 409, "insufficient-stock");
            assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                    .isEqualTo(tv);
        }
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(WAREHOUSE, List.of(1L, 1L, 0L)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id LIKE ?")
                        .param("order-%-" + tv)
                        .query(Long.class)
                        .single())
                .isOne();
        inventory.assertLedgerMatches(tv);
    }

    @Test
    void anOrderWhoseSecondLineLacksStockReservesNothing() {
        String plenty = newItemId();
        String scarce = newItemId();
        inventory.stock(WAREHOUSE, plenty, 10);
        inventory.stock(WAREHOUSE, scarce, 1);
        String order = "o-" + UUID.randomUUID();

        HttpTestClient.Response refused = inventory.reserve(order, WAREHOUSE, null, plenty, 4, scarce, 2);
        assertProblem(refused, 409, "insufficient-stock");
        assertThat(refused.json().path("lines").size()).isOne();
        assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                .isEqualTo(scarce);
        assertThat(refused.json().path("lines").get(0).path("requested").asLong())
                .isEqualTo(2);

        // The first line's stock is untouched, no reservation or ledger row is left, and the order may try again.
        assertThat(inventory.levels(plenty)).isEqualTo(Map.of(WAREHOUSE, List.of(10L, 0L, 0L)));
        assertThat(inventory.levels(scarce)).isEqualTo(Map.of(WAREHOUSE, List.of(1L, 0L, 0L)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id = ?")
                        .param(order)
                        .query(Long.class)
                        .single())
                .isZero();
        inventory.assertLedgerMatches(plenty);
        assertThat(inventory
                        .reserve(order, WAREHOUSE, null, plenty, 4, scarce, 1)
                        .status())
                .isEqualTo(201);
        assertThat(inventory.levels(plenty)).isEqualTo(Map.of(WAREHOUSE, List.of(10L, 4L, 0L)));
        assertThat(inventory.levels(scarce)).isEqualTo(Map.of(WAREHOUSE, List.of(1L, 1L, 0L)));
    }

    @Test
    void aRepeatedReservationReturnsTheExistingOneAndReservesOnce() throws Exception {
        String itemId = newItemId();
        inventory.stock(WAREHOUSE, itemId, 10);
        String order = "o-" + UUID.randomUUID();

        HttpTestClient.Response first = inventory.reserve(order, WAREHOUSE, null, itemId, 3);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("RESERVED");
        HttpTestClient.Response again = inventory.reserve(order, WAREHOUSE, null, itemId, 3);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());

        // Retries of a new order arriving together: one reserves, the others get its reservation.
        String raced = "o-" + UUID.randomUUID();
        List<Integer> statuses = Together.run(
                6, () -> inventory.reserve(raced, WAREHOUSE, null, itemId, 2).status());
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(10L, 5L, 0L)));
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void aLineFallsBackToItsNextWarehouseWhenTheFirstHasNone() {
        String tv = newItemId();
        String cable = newItemId();
        inventory.stock(NEAR, tv, 1);
        inventory.stock(FAR, tv, 5);
        inventory.stock(FAR, cable, 3);
        String first = "o-" + UUID.randomUUID();
        String second = "o-" + UUID.randomUUID();

        // The preferred warehouse has the TV: it comes from there; the cable only from the far one.
        HttpTestClient.Response taken =
                inventory.reserve(first, null, List.of(line(tv, 1, NEAR, FAR), line(cable, 2, NEAR, FAR)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(warehouses(taken)).isEqualTo(Map.of(tv, NEAR, cable, FAR));
        // NEAR is now out of the TV: the next order's TV falls back to FAR.
        HttpTestClient.Response fallback = inventory.reserve(second, null, List.of(line(tv, 1, NEAR, FAR)));
        assertThat(fallback.status()).as(fallback.body()).isEqualTo(201);
        assertThat(fallback.text("status")).isEqualTo("RESERVED");
        assertThat(warehouses(fallback)).isEqualTo(Map.of(tv, FAR));
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(NEAR, List.of(1L, 1L, 0L), FAR, List.of(5L, 1L, 0L)));
        assertThat(inventory.levels(cable)).isEqualTo(Map.of(FAR, List.of(3L, 2L, 0L)));

        // Confirm and release move each line's stock in the warehouse it came from.
        assertThat(inventory.confirm(first).status()).isEqualTo(200);
        assertThat(inventory.release(second).status()).isEqualTo(200);
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(NEAR, List.of(0L, 0L, 1L), FAR, List.of(5L, 0L, 0L)));
        assertThat(inventory.levels(cable)).isEqualTo(Map.of(FAR, List.of(1L, 0L, 2L)));
        inventory.assertLedgerMatches(tv);
        inventory.assertLedgerMatches(cable);
    }

    @Test
    void aLineNoWarehouseCanServeIsNamedAndNothingIsReserved() {
        String tv = newItemId();
        String cable = newItemId();
        inventory.stock(NEAR, tv, 1);
        inventory.stock(FAR, tv, 1);
        inventory.stock(NEAR, cable, 10);
        String order = "o-" + UUID.randomUUID();

        // Two TVs: neither warehouse has two on its own (a line is never split across warehouses).
        HttpTestClient.Response refused =
                inventory.reserve(order, null, List.of(line(cable, 1, NEAR, FAR), line(tv, 2, NEAR, FAR)));
        assertProblem(refused, 409, "insufficient-stock");
        assertThat(refused.json().path("lines").size()).as(refused.body()).isOne();
        assertThat(refused.json().path("lines").get(0).path("itemId").asString())
                .isEqualTo(tv);
        assertThat(refused.json().path("lines").get(0).path("requested").asLong())
                .isEqualTo(2);
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(NEAR, List.of(1L, 0L, 0L), FAR, List.of(1L, 0L, 0L)));
        assertThat(inventory.levels(cable)).isEqualTo(Map.of(NEAR, List.of(10L, 0L, 0L)));
        assertThat(status(order)).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_ledger WHERE reference = ?")
                        .param(order)
                        .query(Long.class)
                        .single())
                .isZero();
        inventory.assertLedgerMatches(tv);
        inventory.assertLedgerMatches(cable);
    }

    @Test
    void confirmAndReleaseAreIdempotentAndNeverBothHappen() {
        String itemId = newItemId();
        inventory.stock(WAREHOUSE, itemId, 10);
        String paid = "o-" + UUID.randomUUID();
        String cancelled = "o-" + UUID.randomUUID();
        assertThat(inventory.reserve(paid, WAREHOUSE, null, itemId, 3).status()).isEqualTo(201);
        assertThat(inventory.reserve(cancelled, WAREHOUSE, null, itemId, 2).status())
                .isEqualTo(201);

        HttpTestClient.Response confirmed = inventory.confirm(paid);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(inventory.confirm(paid).json()).isEqualTo(confirmed.json());
        HttpTestClient.Response released = inventory.release(cancelled);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("RELEASED");
        assertThat(inventory.release(cancelled).json()).isEqualTo(released.json());
        // Sold 3, 2 given back: on hand 7, nothing reserved.
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(7L, 0L, 3L)));

        // A confirm after a release, and a release after a confirm, are refused and change nothing.
        assertProblem(inventory.confirm(cancelled), 409, "reservation-released");
        assertProblem(inventory.release(paid), 409, "reservation-confirmed");
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(7L, 0L, 3L)));
        assertProblem(inventory.confirm("o-unknown-" + UUID.randomUUID()), 404, "not-found");
        inventory.assertLedgerMatches(itemId);
    }

    /** A paid order cancelled or returned: what it bought goes back on hand, once, where it was sold from. */
    @Test
    void restockPutsASoldReservationBackOnHandOnce() throws Exception {
        String tv = newItemId();
        String cable = newItemId();
        inventory.stock(NEAR, tv, 4);
        inventory.stock(FAR, tv, 6);
        inventory.stock(FAR, cable, 5);
        String sold = "o-" + UUID.randomUUID();
        String waiting = "o-" + UUID.randomUUID();
        String dropped = "o-" + UUID.randomUUID();
        // The TV comes from its second warehouse (the first cannot serve 5): the restock must put it back there.
        assertThat(inventory
                        .reserve(sold, null, List.of(line(tv, 5, NEAR, FAR), line(cable, 2, FAR)))
                        .status())
                .isEqualTo(201);
        assertThat(inventory.reserve(waiting, FAR, null, cable, 1).status()).isEqualTo(201);
        assertThat(inventory.reserve(dropped, FAR, null, cable, 1).status()).isEqualTo(201);
        assertThat(inventory.confirm(sold).status()).isEqualTo(200);
        assertThat(inventory.release(dropped).status()).isEqualTo(200);
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(NEAR, List.of(4L, 0L, 0L), FAR, List.of(1L, 0L, 5L)));

        // Four repeats at once (a caller retrying while its first call is in flight): one restock.
        List<HttpTestClient.Response> answers = Together.run(4, () -> restock(sold));

        for (HttpTestClient.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.text("status")).isEqualTo("RESTOCKED");
            assertThat(answer.json().path("lines"))
                    .isEqualTo(answers.get(0).json().path("lines"));
        }
        assertThat(warehouses(answers.get(0))).isEqualTo(Map.of(tv, FAR, cable, FAR));
        assertThat(inventory.levels(tv)).isEqualTo(Map.of(NEAR, List.of(4L, 0L, 0L), FAR, List.of(6L, 0L, 0L)));
        assertThat(inventory.levels(cable)).isEqualTo(Map.of(FAR, List.of(5L, 1L, 0L)));
        assertThat(restock(sold).json()).isEqualTo(answers.get(0).json());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_ledger WHERE reference = ? AND kind = 'RESTOCK'")
                        .param(sold)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        inventory.assertLedgerMatches(tv);
        inventory.assertLedgerMatches(cable);

        // Not sold, nothing to put back: refused, nothing changed. Restocked is final: no confirm after it.
        HttpTestClient.Response unpaid = restock(waiting);
        assertProblem(unpaid, 409, "reservation-not-confirmed");
        assertThat(unpaid.text("status")).isEqualTo("RESERVED");
        assertProblem(restock(dropped), 409, "reservation-not-confirmed");
        assertProblem(inventory.confirm(sold), 409, "reservation-restocked");
        assertProblem(inventory.release(sold), 409, "reservation-restocked");
        assertProblem(restock("o-unknown-" + UUID.randomUUID()), 404, "not-found");
        assertProblem(
                inventory.anonymous().post("/internal/inventory/reservations/" + sold + "/restock", Map.of()),
                401,
                "internal-token-required");
        assertThat(inventory.levels(cable)).isEqualTo(Map.of(FAR, List.of(5L, 1L, 0L)));
        assertThat(status(waiting)).isEqualTo("RESERVED");
        inventory.assertLedgerMatches(cable);
    }

    private HttpTestClient.Response restock(String orderId) {
        return inventory
                .anonymous()
                .post(
                        "/internal/inventory/reservations/" + orderId + "/restock",
                        Map.of(),
                        "X-Internal-Token",
                        InventoryClient.LOCAL_INTERNAL_TOKEN);
    }

    @Test
    void theSweeperReleasesAnExpiredReservationAndOnlyThat() {
        String itemId = newItemId();
        inventory.stock(WAREHOUSE, itemId, 5);
        String kept = "o-" + UUID.randomUUID();
        String abandoned = "o-" + UUID.randomUUID();
        assertThat(inventory.reserve(kept, WAREHOUSE, null, itemId, 1).status()).isEqualTo(201); // 15 min
        assertThat(inventory.reserve(abandoned, WAREHOUSE, "PT0.3S", itemId, 3).status())
                .isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RELEASED".equals(status(abandoned)));
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(5L, 1L, 0L)));
        assertThat(status(kept)).isEqualTo("RESERVED");
        // Released by expiry is released: a late confirm is refused.
        assertProblem(inventory.confirm(abandoned), 409, "reservation-released");
        assertThat(inventory.confirm(kept).status()).isEqualTo(200);
        inventory.assertLedgerMatches(itemId);
    }

    @Test
    void badInputIsAProblemAndReservesNothing() {
        String itemId = newItemId();
        inventory.stock(WAREHOUSE, itemId, 5);
        String order = "o-" + UUID.randomUUID();

        assertProblem(inventory.reserve(order, WAREHOUSE, null, itemId, 0), 400, null);
        assertProblem(inventory.reserve(order, WAREHOUSE, null, itemId, -1), 400, null);
        assertProblem(inventory.reserve(order, WAREHOUSE, null, "not-an-item-id", 1), 400, null);
        assertProblem(inventory.reserve(order, " ", null, itemId, 1), 400, null);
        assertProblem(inventory.reserve(" ", WAREHOUSE, null, itemId, 1), 400, null);
        assertProblem(inventory.reserve(order, null, List.of()), 400, null); // no lines
        assertProblem(inventory.reserve(order, WAREHOUSE, null, itemId, 1, itemId, 2), 400, "duplicate-line");
        assertProblem(inventory.reserve(order, WAREHOUSE, "PT0S", itemId, 1), 400, "invalid-ttl");
        assertProblem(inventory.reserve(order, WAREHOUSE, "P30D", itemId, 1), 400, "invalid-ttl");
        assertProblem(inventory.reserve(order, WAREHOUSE, "soon", itemId, 1), 400, null);
        // A line must name 1 to 10 warehouses, none blank.
        assertProblem(inventory.reserve(order, null, List.of(line(itemId, 1))), 400, null);
        assertProblem(
                inventory.reserve(
                        order,
                        null,
                        List.of(line(
                                itemId, 1, "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", WAREHOUSE))),
                400,
                null);
        assertProblem(inventory.reserve(order, null, List.of(line(itemId, 1, WAREHOUSE, " "))), 400, null);
        assertProblem(
                inventory.reserve(
                        order, null, List.of(Map.of("itemId", itemId, "quantity", 1, "warehouseId", WAREHOUSE))),
                400,
                null);
        // Stock that was never received is simply not there.
        assertProblem(inventory.reserve(order, "WH-NOWHERE", null, itemId, 1), 409, "insufficient-stock");

        // Without the internal token, or with a wrong one: 401, before the body is looked at.
        Map<String, Object> body = Map.of("orderId", order, "lines", List.of(line(itemId, 1, WAREHOUSE)));
        assertProblem(
                inventory.anonymous().post("/internal/inventory/reservations", body), 401, "internal-token-required");
        assertProblem(
                inventory.anonymous().post("/internal/inventory/reservations", body, "X-Internal-Token", "guess"),
                401,
                "internal-token-required");
        assertProblem(
                inventory.anonymous().post("/internal/inventory/reservations", Map.of()),
                401,
                "internal-token-required");

        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(5L, 0L, 0L)));
        assertThat(status(order)).isNull();
    }

    /** {itemId: warehouseId} of a reservation's lines. */
    private static Map<String, String> warehouses(HttpTestClient.Response reservation) {
        Map<String, String> from = new java.util.TreeMap<>();
        reservation
                .json()
                .path("lines")
                .forEach(l -> from.put(
                        l.path("itemId").asString(), l.path("warehouseId").asString()));
        return from;
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
