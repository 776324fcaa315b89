package dev.bazaar.e2e;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.InventoryServiceProcess;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.PaymentServiceProcess;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UserServiceShoppers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The services an order is taken with, as real jars on one topic prefix (serviceability learns sizes from
 * item-service and stock from inventory-service; order-service reads payment-service's events), and
 * order-service's own arguments to run against them. The checkout tests start order-service themselves,
 * since some of them kill it.
 */
final class CheckoutPlatform implements AutoCloseable {

    // The local profile's development value, which every service process here runs with.
    static final String INTERNAL_TOKEN = "bazaar-local-internal-token";

    final IsolatedNames names;
    final ItemServiceFeed items;
    final ServiceabilityNetwork serviceability;
    final UserServiceShoppers users;
    final InventoryServiceProcess inventory;
    final PaymentServiceProcess payments;
    final HttpTestClient inventoryOps;

    private CheckoutPlatform(
            IsolatedNames names,
            ItemServiceFeed items,
            ServiceabilityNetwork serviceability,
            UserServiceShoppers users,
            InventoryServiceProcess inventory,
            PaymentServiceProcess payments) {
        this.names = names;
        this.items = items;
        this.serviceability = serviceability;
        this.users = users;
        this.inventory = inventory;
        this.payments = payments;
        this.inventoryOps =
                new HttpTestClient(inventory.baseUrl()).withHeader("Authorization", TestJwts.bearer("ops-1", "OPS"));
    }

    /** Started with the services' defaults, but for the arguments given to inventory- and payment-service. */
    static CheckoutPlatform start(
            Class<?> testClass, String supplier, List<String> inventoryArguments, List<String> paymentArguments)
            throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.KAFKA.requireReachable();
        LocalServer.REDIS.requireReachable();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            ItemServiceFeed items = add(started, ItemServiceFeed.start(supplier));
            String prefix = items.topicPrefix();
            ServiceabilityNetwork serviceability = add(started, ServiceabilityNetwork.start(prefix));
            UserServiceShoppers users = add(started, UserServiceShoppers.start(INTERNAL_TOKEN));
            InventoryServiceProcess inventory =
                    add(started, InventoryServiceProcess.start(prefix, inventoryArguments.toArray(String[]::new)));
            PaymentServiceProcess payments =
                    add(started, PaymentServiceProcess.start(prefix, paymentArguments.toArray(String[]::new)));
            return new CheckoutPlatform(
                    IsolatedNames.forTestClass(testClass), items, serviceability, users, inventory, payments);
        } catch (IOException | RuntimeException | Error e) {
            for (AutoCloseable service : started) {
                closeQuietly(service);
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T service) {
        started.add(service);
        return service;
    }

    String topicPrefix() {
        return items.topicPrefix();
    }

    /**
     * order-service's arguments against these services, on the MariaDB database {@code database} (a name of
     * this test class's) with its cart peer at {@code cartUrl}, then {@code more}.
     */
    List<String> orderServiceArguments(String database, String cartUrl, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                jwks(),
                "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                "--bazaar.kafka.topic-prefix=" + topicPrefix(),
                "--spring.kafka.consumer.group-id=" + names.base() + "-orders",
                database(database),
                "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                "--bazaar.orders.peers.items=" + items.baseUrl(),
                "--bazaar.orders.peers.users=" + users.baseUrl(),
                "--bazaar.orders.peers.carts=" + cartUrl,
                "--bazaar.orders.peers.serviceability=" + serviceability.baseUrl(),
                "--bazaar.orders.peers.inventory=" + inventory.baseUrl(),
                "--bazaar.orders.peers.payments=" + payments.baseUrl(),
                // Cold C1-only peers on a loaded two-core machine; a burst of orders queues behind them.
                "--bazaar.orders.peers.timeout=20s"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /**
     * The gateway's jar in front of these services' user- and payment-service and the {@code routes} given as
     * {@code name=url} ({@code "orders=" + orders.baseUrl()}), on this platform's Redis key prefix.
     */
    ServiceProcess gateway(String... routes) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                jwks(),
                "--bazaar.gateway.routes.users=" + users.baseUrl(),
                "--bazaar.gateway.routes.payments=" + payments.baseUrl(),
                // A checkout waits for cold C1-only peers on a loaded two-core machine.
                "--bazaar.gateway.timeouts.orders=30000",
                "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                "--bazaar.redis.key-prefix=" + names.redisKeyPrefix()));
        for (String route : routes) {
            arguments.add("--bazaar.gateway.routes." + route);
        }
        return ServiceProcess.start("gateway", arguments);
    }

    /** Verifies the real user-service's tokens, as every service does. */
    String jwks() {
        return "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + users.baseUrl() + "/.well-known/jwks.json";
    }

    String database(String service) {
        return "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database() + "_"
                + service + "?createDatabaseIfNotExist=true";
    }

    /** A new SMALL item with {@code units} received in the metro warehouse, once serviceability delivers it. */
    String stockedItem(String name, long priceMinor, long units) {
        String itemId = items.sendAndAwait(items.item(name + "-" + UUID.randomUUID())
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

    /** [onHand, reserved, sold] in the metro warehouse. */
    List<Long> levels(String itemId) {
        return inventory.levels(itemId).get(ServiceabilityNetwork.WAREHOUSE);
    }

    /** Whether inventory-service's ledger recomputes the item's stored figures. */
    JsonNode ledgerCheck(String itemId) {
        return inventoryOps
                .get("/api/ops/inventory/items/" + itemId + "/ledger-check")
                .json();
    }

    /** Each call once, {@code threads} at a time; the answers in the calls' order. */
    static <T> List<T> inParallel(int threads, List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static void closeQuietly(AutoCloseable service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            // Stopping the rest matters more than this one's error.
        }
    }

    @Override
    public void close() {
        for (AutoCloseable service : new AutoCloseable[] {payments, inventory, users, serviceability, items}) {
            closeQuietly(service);
        }
    }
}
