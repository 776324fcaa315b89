package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.InventoryServiceProcess;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.PaymentServiceProcess;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.SupplierItems;
import dev.bazaar.testing.TestJwks;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UserServiceShoppers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Every service an order is taken with, as real processes on one topic prefix: item-service (prices; its
 * CatalogItemChanged events teach serviceability the items' sizes), serviceability-service with its demo
 * network (candidates), user-service (addresses), inventory-service (reservations; its StockChanged events
 * teach serviceability where items are stocked) and payment-service with its PSP simulator (its
 * PaymentCompleted events reach order-service), and cart-service (the cart an order without lines takes;
 * it empties what a PLACED order bought). order-service itself runs in the test's JVM on that prefix.
 */
public final class CheckoutPeers implements AutoCloseable {

    /** The local profile's development value of BAZAAR_INTERNAL_TOKEN, which every process runs with. */
    public static final String INTERNAL_TOKEN = "bazaar-local-internal-token";

    public final ItemServiceFeed items;
    public final ServiceabilityNetwork serviceability;
    public final UserServiceShoppers users;
    public final InventoryServiceProcess inventory;
    public final PaymentServiceProcess payments;
    public final ServiceProcess carts;
    private final TestJwks jwks;
    private final HttpTestClient paymentsInternal;

    private CheckoutPeers(
            ItemServiceFeed items,
            ServiceabilityNetwork serviceability,
            UserServiceShoppers users,
            InventoryServiceProcess inventory,
            PaymentServiceProcess payments,
            ServiceProcess carts,
            TestJwks jwks) {
        this.items = items;
        this.serviceability = serviceability;
        this.users = users;
        this.inventory = inventory;
        this.payments = payments;
        this.carts = carts;
        this.jwks = jwks;
        this.paymentsInternal = new HttpTestClient(payments.baseUrl()).withHeader("X-Internal-Token", INTERNAL_TOKEN);
    }

    /** Starts them all and points order-service (and its Kafka) at them; the PSP's webhooks come after 200 ms. */
    public static CheckoutPeers start(DynamicPropertyRegistry registry, String supplier) throws Exception {
        return start(registry, supplier, Duration.ofMillis(200));
    }

    /** As {@link #start(DynamicPropertyRegistry, String)}, the PSP sending its webhooks {@code webhookDelay} late. */
    public static CheckoutPeers start(DynamicPropertyRegistry registry, String supplier, Duration webhookDelay)
            throws Exception {
        List<AutoCloseable> started = new java.util.ArrayList<>();
        CheckoutPeers peers;
        try {
            ItemServiceFeed items = add(started, ItemServiceFeed.start(supplier));
            // One topic prefix for all: serviceability learns sizes from item-service's events and stock from
            // inventory-service's, and order-service reads payment-service's.
            String prefix = items.topicPrefix();
            ServiceabilityNetwork serviceability = add(started, ServiceabilityNetwork.start(prefix));
            UserServiceShoppers users = add(started, UserServiceShoppers.start(INTERNAL_TOKEN));
            InventoryServiceProcess inventory = add(started, InventoryServiceProcess.start(prefix));
            PaymentServiceProcess payments = add(
                    started,
                    PaymentServiceProcess.start(
                            prefix, "--bazaar.psp-simulator.webhooks.delay=" + webhookDelay.toMillis() + "ms"));
            TestJwks jwks = add(started, TestJwks.serve());
            ServiceProcess carts = add(started, startCarts(prefix, items, serviceability, users, jwks));
            peers = new CheckoutPeers(items, serviceability, users, inventory, payments, carts, jwks);
        } catch (Exception | Error e) {
            for (AutoCloseable peer : started) {
                peer.close();
            }
            throw e;
        }
        String prefix = peers.topicPrefix();
        registry.add("spring.kafka.bootstrap-servers", LocalServer.KAFKA::address);
        registry.add("bazaar.kafka.topic-prefix", () -> prefix);
        registry.add("spring.kafka.consumer.group-id", () -> prefix + "orders");
        registry.add("bazaar.orders.peers.items", peers.items::baseUrl);
        registry.add("bazaar.orders.peers.serviceability", peers.serviceability::baseUrl);
        registry.add("bazaar.orders.peers.users", peers.users::baseUrl);
        registry.add("bazaar.orders.peers.inventory", peers.inventory::baseUrl);
        registry.add("bazaar.orders.peers.payments", peers.payments::baseUrl);
        registry.add("bazaar.orders.peers.carts", peers.carts::baseUrl);
        // A cold C1-only peer on a loaded two-core machine can take seconds over its first answers.
        registry.add("bazaar.orders.peers.timeout", () -> "20s");
        return peers;
    }

    /**
     * cart-service on the same prefix (it takes what a PLACED order bought out of the cart), trusting the
     * test tokens order-service forwards to it.
     */
    private static ServiceProcess startCarts(
            String prefix,
            ItemServiceFeed items,
            ServiceabilityNetwork serviceability,
            UserServiceShoppers users,
            TestJwks jwks)
            throws java.io.IOException {
        IsolatedNames names = IsolatedNames.forTestClass(CheckoutPeers.class);
        return ServiceProcess.start(
                "cart-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + prefix,
                        "--spring.kafka.consumer.group-id=" + names.base() + "-carts",
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks.uri(),
                        "--bazaar.cart.item-service.url=" + items.baseUrl(),
                        "--bazaar.cart.serviceability.url=" + serviceability.baseUrl(),
                        "--bazaar.cart.users.url=" + users.baseUrl()));
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T peer) {
        started.add(peer);
        return peer;
    }

    public String topicPrefix() {
        return items.topicPrefix();
    }

    /**
     * A new SMALL item at {@code priceMinor}, {@code units} of it received in the metro warehouse, once
     * serviceability delivers it to the metro pincode (it learnt the stock from inventory-service's event).
     */
    public String stockedItem(long priceMinor, long units) {
        String itemId = items.sendAndAwait(items.item("sku-" + UUID.randomUUID())
                .price(priceMinor)
                .sizeClass(SizeClass.SMALL)
                .build());
        inventory.stock(ServiceabilityNetwork.WAREHOUSE, itemId, units);
        Awaitility.await(itemId + " deliverable to the metro")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> serviceability.deliversAll(ServiceabilityNetwork.METRO, List.of(itemId)));
        return itemId;
    }

    /**
     * As {@link #stockedItem}, sold by another supplier than the feed's (item-service records whoever the
     * supplier item names): an order holding it and one of the feed's has two sellers.
     */
    public String stockedItemOf(String supplierId, long priceMinor, long units) {
        String itemId = items.sendAndAwait(SupplierItems.item(supplierId, "sku-" + UUID.randomUUID())
                .price(priceMinor)
                .sizeClass(SizeClass.SMALL)
                .build());
        inventory.stock(ServiceabilityNetwork.WAREHOUSE, itemId, units);
        Awaitility.await(itemId + " deliverable to the metro")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> serviceability.deliversAll(ServiceabilityNetwork.METRO, List.of(itemId)));
        return itemId;
    }

    /** A shopper with a default address at {@code pincode}: the Authorization header of their JWT. */
    public Shopper shopper(String pincode) {
        String userId = users.register(pincode);
        return new Shopper(userId, TestJwts.bearer(userId));
    }

    public record Shopper(String userId, String bearer) {}

    /** [onHand, reserved, sold] of the item in the metro warehouse. */
    public List<Long> metroStock(String itemId) {
        return inventory.levels(itemId).get(ServiceabilityNetwork.WAREHOUSE);
    }

    /** payment-service's record of the order's payment (its internal read, without asking the PSP). */
    public JsonNode paymentOf(String orderId) {
        HttpTestClient.Response answer = paymentsInternal.get("/internal/payments/orders/" + orderId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A POST /api/orders body for these lines (item id, quantity, ...), paid by UPI. */
    public static Map<String, Object> order(Object... itemsAndQuantities) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < itemsAndQuantities.length; i += 2) {
            lines.add(Map.of("itemId", itemsAndQuantities[i], "quantity", itemsAndQuantities[i + 1]));
        }
        return Map.of("lines", lines, "paymentMethod", "UPI");
    }

    @Override
    public void close() {
        for (AutoCloseable peer :
                new AutoCloseable[] {carts, jwks, payments, inventory, users, serviceability, items}) {
            try {
                if (peer != null) {
                    peer.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
