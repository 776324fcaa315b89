package dev.bazaar.testing;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real item-service process (MongoDB, Kafka) fed items of one supplier through its real input, as
 * inbound-service feeds it: {@link SupplierItemReceived} events with the platform's CloudEvents
 * headers on supplier.items.v1. For a service that reads item-service (prices, active state) in its
 * tests: point it at {@link #baseUrl()}. It starts before the test class's Spring context, so it runs
 * on names of its own (database, topic prefix, consumer group). Every item it sends is remembered, so
 * a test changes one by its id ({@link #changePrice}, {@link #deactivate}); each of those, and
 * {@link #newItem}, returns once item-service serves the item as sent.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ItemServiceFeed items = ItemServiceFeed.forSupplier("cart-test-supplier");
 *
 * @DynamicPropertySource
 * static void itemService(DynamicPropertyRegistry registry) {
 *     registry.add("bazaar.cart.item-service.url", items::baseUrl);
 * }
 * }</pre>
 *
 * As a JUnit extension it starts before the test class's Spring context and stops after its last
 * test; {@link #start} starts one at once, for code that closes it itself.
 *
 * <p>List item-service as a {@code <type>pom</type>} test dependency (see {@link ServiceProcess}).
 */
public final class ItemServiceFeed implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    // Generous on a loaded two-core machine; a consumer that processes nothing fails at this bound.
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(60);

    private final String supplierId;
    private final IsolatedNames names = IsolatedNames.forTestClass(ItemServiceFeed.class);
    private final Map<String, CanonicalItem> sent = new ConcurrentHashMap<>();
    // Set by the start.
    private ServiceProcess process;
    private KafkaEvents events;
    private HttpTestClient catalog;

    private ItemServiceFeed(String supplierId) {
        this.supplierId = supplierId;
    }

    /** A feed for {@code supplierId}'s items, started as a JUnit extension ({@code @RegisterExtension static}). */
    public static ItemServiceFeed forSupplier(String supplierId) {
        return new ItemServiceFeed(supplierId);
    }

    /** Starts item-service on names of its own and a producer for {@code supplierId}'s items, now. */
    public static ItemServiceFeed start(String supplierId) throws IOException {
        ItemServiceFeed feed = new ItemServiceFeed(supplierId);
        try {
            feed.startProcessAndProducer();
        } catch (IOException | RuntimeException e) {
            feed.close();
            throw e;
        }
        return feed;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        startProcessAndProducer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startProcessAndProducer() throws IOException {
        LocalServer.KAFKA.requireReachable();
        LocalServer.MONGO.requireReachable();
        process = ServiceProcess.start(
                "item-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                        "--spring.kafka.consumer.group-id=" + names.base() + "-items",
                        "--spring.mongodb.uri=mongodb://" + LocalServer.MONGO.address() + "/" + names.database()));
        catalog = new HttpTestClient(process.baseUrl());
        events = KafkaEvents.open("item-service-feed");
    }

    public String baseUrl() {
        return started().baseUrl();
    }

    /** item-service's own API, to check what it holds. */
    public HttpTestClient catalog() {
        started();
        return catalog;
    }

    public String supplierId() {
        return supplierId;
    }

    /** The prefix of item-service's topics, e.g. to read the catalog.items.v1 it publishes. */
    public String topicPrefix() {
        return names.topicPrefix();
    }

    /** Version 1 of this supplier's item {@code sku} with {@link SupplierItems}' defaults, to build on. */
    public SupplierItems.Builder item(String sku) {
        return SupplierItems.item(supplierId, sku);
    }

    /** A new active item at {@code priceMinor} (INR paise), served by item-service; its id. */
    public String newItem(long priceMinor) {
        return sendAndAwait(item("sku-" + UUID.randomUUID()).price(priceMinor).build());
    }

    /** The item's next version at {@code priceMinor}, served by item-service. */
    public void changePrice(String itemId, long priceMinor) {
        sendAndAwait(SupplierItems.next(last(itemId)).price(priceMinor).build());
    }

    /** The item's next version, inactive, served by item-service. */
    public void deactivate(String itemId) {
        sendAndAwait(SupplierItems.next(last(itemId)).active(false).build());
    }

    /** Sends {@code item} and returns its id once item-service serves it as sent. */
    public String sendAndAwait(CanonicalItem item) {
        send(item);
        awaitServed(item);
        return item.itemId();
    }

    /**
     * Publishes {@code item} as inbound-service would, acknowledged by Kafka, without waiting for
     * item-service; its id.
     */
    public String send(CanonicalItem item) {
        started();
        events.publish(names.topicPrefix(), SupplierItems.received(item, "item-service-feed"));
        sent.merge(item.itemId(), item, (before, now) -> now.version() > before.version() ? now : before);
        return item.itemId();
    }

    /** Waits until item-service serves {@code item}'s title, price and active state. */
    public void awaitServed(CanonicalItem item) {
        Awaitility.await(item.itemId() + " served as version " + item.version())
                .atMost(SERVED_WITHIN)
                .until(() -> {
                    HttpTestClient.Response answer = catalog.get("/api/items/" + item.itemId());
                    return answer.status() == 200
                            && Objects.equals(answer.text("title"), item.title())
                            && answer.json().path("price").path("minor").asLong()
                                    == item.price().minor()
                            && answer.json().path("active").asBoolean() == item.active();
                });
    }

    /** The newest version of the item sent through this feed. */
    public CanonicalItem last(String itemId) {
        CanonicalItem item = sent.get(itemId);
        if (item == null) {
            throw new IllegalArgumentException(itemId + " was not sent through this feed");
        }
        return item;
    }

    private ServiceProcess started() {
        if (process == null || events == null) {
            throw new IllegalStateException(
                    "ItemServiceFeed not started: register it as a static @RegisterExtension, or use start()");
        }
        return process;
    }

    @Override
    public void close() {
        try {
            if (events != null) {
                events.close();
            }
        } finally {
            if (process != null) {
                process.close();
            }
        }
    }
}
