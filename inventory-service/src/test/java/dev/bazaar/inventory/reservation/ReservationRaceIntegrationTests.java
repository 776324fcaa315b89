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
 * The race at scale against the real MariaDB: 400 orders of one unit at once for 200 units, then their
 * confirms and releases raced against each other. Stock is never oversold or negative, and the ledger
 * recomputes the stored figures afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ReservationRaceIntegrationTests {

    static final String WAREHOUSE = "WH-BOM";
    static final int UNITS = 200;
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
        inventory.stock(WAREHOUSE, itemId, UNITS);
        AtomicBoolean negativeSeen = new AtomicBoolean();
        List<Callable<Integer>> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String order = "o-" + i + "-" + itemId;
            buyers.add(() -> {
                int status =
                        inventory.reserve(order, WAREHOUSE, null, itemId, 1).status();
                // Read while the others are still buying: available never below zero.
                if (available(itemId) < 0) {
                    negativeSeen.set(true);
                }
                return status;
            });
        }
        List<Integer> statuses = Together.run(buyers);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(UNITS);
        assertThat(negativeSeen).isFalse();
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of((long) UNITS, (long) UNITS, 0L)));
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
        assertThat(inventory.levels(itemId)).isEqualTo(Map.of(WAREHOUSE, List.of(UNITS - confirmed, 0L, confirmed)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id LIKE ? AND status = 'RELEASED'")
                        .param("o-%-" + itemId)
                        .query(Long.class)
                        .single())
                .isEqualTo(released);
        // received = on hand + sold, and the ledger says the same.
        inventory.assertLedgerMatches(itemId);
    }

    private long available(String itemId) {
        return jdbc.sql("SELECT on_hand - reserved FROM stock WHERE item_id = ? AND warehouse_id = ?")
                .params(itemId, WAREHOUSE)
                .query(Long.class)
                .single();
    }
}
