package dev.bazaar.inventory.reservation;

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
        assertProblem(inventory.reserve(order, WAREHOUSE, null), 400, null); // no lines
        assertProblem(inventory.reserve(order, WAREHOUSE, null, itemId, 1, itemId, 2), 400, "duplicate-line");
        assertProblem(inventory.reserve(order, WAREHOUSE, "PT0S", itemId, 1), 400, "invalid-ttl");
        assertProblem(inventory.reserve(order, WAREHOUSE, "P30D", itemId, 1), 400, "invalid-ttl");
        assertProblem(inventory.reserve(order, WAREHOUSE, "soon", itemId, 1), 400, null);
        // Stock that was never received is simply not there.
        assertProblem(inventory.reserve(order, "WH-NOWHERE", null, itemId, 1), 409, "insufficient-stock");

        // Without the internal token, or with a wrong one: 401, before the body is looked at.
        Map<String, Object> body = Map.of(
                "orderId", order, "warehouseId", WAREHOUSE, "lines", List.of(Map.of("itemId", itemId, "quantity", 1)));
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

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
