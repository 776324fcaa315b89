package dev.bazaar.inventory.reservation;

import static dev.bazaar.inventory.InventoryClient.newItemId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.inventory.InventoryClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The race at scale against the real MariaDB: 400 orders of one unit at once for 200 units held in two
 * warehouses (120 in the preferred one, 80 in the fallback), then their confirms and releases raced
 * against each other. Stock is never oversold or negative in either, and the ledger recomputes the stored
 * figures afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ReservationRaceIntegrationTests {

    static final String WAREHOUSE = "WH-BOM";
    static final String FALLBACK = "WH-PNQ";
    static final int UNITS = 200;
    static final int IN_FALLBACK = 80;
    static final int BUYERS = 400;

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
    void fourHundredBuyersOfTwoHundredUnitsReserveExactlyTwoHundred() throws Exception {
        String itemId = newItemId();
        inventory.stock(WAREHOUSE, itemId, UNITS - IN_FALLBACK);
        inventory.stock(FALLBACK, itemId, IN_FALLBACK);
        AtomicBoolean negativeSeen = new AtomicBoolean();
        List<Callable<Integer>> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String order = "o-" + i + "-" + itemId;
            buyers.add(() -> {
                int status = inventory
                        .reserve(order, null, List.of(InventoryClient.line(itemId, 1, WAREHOUSE, FALLBACK)))
                        .status();
                // Read while the others are still buying: available never below zero.
                if (available(itemId, WAREHOUSE) < 0 || available(itemId, FALLBACK) < 0) {
                    negativeSeen.set(true);
                }
                return status;
            });
        }
        List<Integer> statuses = Together.run(buyers);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(UNITS);
        assertThat(negativeSeen).isFalse();
        long preferred = UNITS - IN_FALLBACK;
        assertThat(inventory.levels(itemId))
                .isEqualTo(Map.of(
                        WAREHOUSE, List.of(preferred, preferred, 0L),
                        FALLBACK, List.of((long) IN_FALLBACK, (long) IN_FALLBACK, 0L)));
        // Each winner's line (its ledger row) names the warehouse its unit was taken from.
        assertThat(jdbc.sql("""
                                SELECT warehouse_id, COUNT(*) FROM stock_ledger
                                WHERE kind = 'RESERVATION' AND reference LIKE ? GROUP BY warehouse_id""")
                        .param("o-%-" + itemId)
                        .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list())
                .containsExactlyInAnyOrder(Map.entry(WAREHOUSE, preferred), Map.entry(FALLBACK, (long) IN_FALLBACK));
        inventory.assertLedgerMatches(itemId);

        // Every winning order is confirmed and released at once: exactly one of the two wins per order.
        List<String> winners = jdbc.sql(
                        "SELECT order_id FROM reservation WHERE order_id LIKE ? AND status = 'RESERVED'")
                .param("o-%-" + itemId)
                .query(String.class)
                .list();
        assertThat(winners).hasSize(UNITS);
        List<Callable<HttpTestClient.Response>> settles = new ArrayList<>();
        for (String order : winners) {
            settles.add(() -> inventory.confirm(order));
            settles.add(() -> inventory.release(order));
        }
        List<HttpTestClient.Response> settled = Together.run(settles);
        long confirmed = 0;
        for (int i = 0; i < settled.size(); i += 2) {
            int confirm = settled.get(i).status();
            int release = settled.get(i + 1).status();
            assertThat(List.of(confirm, release)).containsExactlyInAnyOrder(200, 409);
            if (confirm == 200) {
                confirmed++;
            }
        }
        long released = UNITS - confirmed;
        // Per warehouse: reserved all settled; on hand + sold = received in each.
        Map<String, List<Long>> levels = inventory.levels(itemId);
        assertThat(levels.get(WAREHOUSE).get(1)).isZero();
        assertThat(levels.get(FALLBACK).get(1)).isZero();
        assertThat(levels.get(WAREHOUSE).get(0) + levels.get(WAREHOUSE).get(2)).isEqualTo(preferred);
        assertThat(levels.get(FALLBACK).get(0) + levels.get(FALLBACK).get(2)).isEqualTo(IN_FALLBACK);
        assertThat(levels.get(WAREHOUSE).get(2) + levels.get(FALLBACK).get(2)).isEqualTo(confirmed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id LIKE ? AND status = 'RELEASED'")
                        .param("o-%-" + itemId)
                        .query(Long.class)
                        .single())
                .isEqualTo(released);
        // received = on hand + sold, and the ledger says the same.
        inventory.assertLedgerMatches(itemId);
    }

    private long available(String itemId, String warehouseId) {
        return jdbc.sql("SELECT on_hand - reserved FROM stock WHERE item_id = ? AND warehouse_id = ?")
                .params(itemId, warehouseId)
                .query(Long.class)
                .single();
    }
}
