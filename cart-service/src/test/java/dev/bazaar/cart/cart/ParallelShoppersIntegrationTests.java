package dev.bazaar.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many shoppers adding to their own carts at the same moment, as `./bazaar bench cart` does: every add
 * succeeds. Each cart's changes run one after the other under its cart row's lock; different carts
 * must not deadlock with each other (their new lines are neighbours in cart_line's key order; under
 * repeatable read the line lock of an absent line also locked that gap), with or without an
 * Idempotency-Key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class ParallelShoppersIntegrationTests {

    static final int SHOPPERS = 30;
    static final int ITEMS = 4;

    @RegisterExtension
    static final ItemServiceFeed items = ItemServiceFeed.forSupplier("parallel-shoppers-supplier");

    @DynamicPropertySource
    static void itemService(DynamicPropertyRegistry registry) {
        registry.add("bazaar.cart.item-service.url", () -> items.baseUrl());
    }

    @LocalServerPort
    int port;

    @Test
    void shoppersAddingNewItemsToTheirOwnCartsAtOnceAllSucceed() throws Exception {
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            itemIds.add(items.newItem(1_000 + i));
        }
        HttpTestClient api = HttpTestClient.local(port);
        List<String> shoppers = new ArrayList<>();
        for (int s = 0; s < SHOPPERS; s++) {
            shoppers.add(TestJwts.bearer("shopper-" + UUID.randomUUID(), "CUSTOMER"));
        }

        // Every shopper adds every item, each a new line of their cart, all shoppers at once. Every
        // other shopper's client sends an Idempotency-Key: those adds run in the transaction the
        // starter's IdempotentRequests opens, which must be as free of deadlocks as the others.
        List<Callable<List<Integer>>> shopping = new ArrayList<>();
        for (int s = 0; s < SHOPPERS; s++) {
            String shopper = shoppers.get(s);
            boolean keyed = s % 2 == 0;
            shopping.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (String itemId : itemIds) {
                    Map<String, Object> line = Map.of("itemId", itemId, "quantity", 1);
                    statuses.add(
                            keyed
                                    ? api.post(
                                                    "/api/cart/items",
                                                    line,
                                                    "Authorization",
                                                    shopper,
                                                    "Idempotency-Key",
                                                    UUID.randomUUID().toString())
                                            .status()
                                    : api.post("/api/cart/items", line, "Authorization", shopper)
                                            .status());
                }
                return statuses;
            });
        }
        List<Integer> statuses =
                Together.run(shopping).stream().flatMap(List::stream).toList();
        assertThat(statuses).hasSize(SHOPPERS * ITEMS).containsOnly(200);

        for (String shopper : shoppers) {
            var cart = api.get("/api/cart", "Authorization", shopper).json();
            assertThat(cart.path("lineCount").asInt()).isEqualTo(ITEMS);
            assertThat(cart.path("itemCount").asInt()).isEqualTo(ITEMS);
        }
    }
}
