package dev.bazaar.testing;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * A real item-service process (MongoDB, Kafka) fed items of one supplier through its real input, as
 * inbound-service feeds it: {@link SupplierItemReceived} events with the platform's CloudEvents
 * headers on supplier.items.v1. For a service that reads item-service (prices, active state) in its
 * tests: point it at {@link #baseUrl()}. It starts before the test class's Spring context, so it runs
 * on names of its own (database, topic prefix, consumer group). Every item it sends is remembered, so
 * a test changes one by its id ({@link #changePrice}, {@link #deactivate}); each of those, and
 * {@link #newItem}, returns once item-service serves the item as sent.
 *
 * <p>List item-service as a {@code <type>pom</type>} test dependency (see {@link ServiceProcess}).
 */
public final class ItemServiceFeed implements AutoCloseable {

    // Generous on a loaded two-core machine; a consumer that processes nothing fails at this bound.
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(60);
    private static final String SOURCE = CloudEventHeaders.sourceOf("item-service-feed");

    private final String supplierId;
    private final IsolatedNames names;
    private final ServiceProcess process;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpTestClient catalog;
    private final Map<String, CanonicalItem> sent = new ConcurrentHashMap<>();

    private ItemServiceFeed(
            String supplierId, IsolatedNames names, ServiceProcess process, KafkaProducer<String, byte[]> producer) {
        this.supplierId = supplierId;
        this.names = names;
        this.process = process;
        this.producer = producer;
        this.catalog = new HttpTestClient(process.baseUrl());
    }

    /** Starts item-service on names of its own and a producer for {@code supplierId}'s items. */
    public static ItemServiceFeed start(String supplierId) throws IOException {
        LocalServer.KAFKA.requireReachable();
        LocalServer.MONGO.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(ItemServiceFeed.class);
        ServiceProcess process = ServiceProcess.start(
                "item-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                        "--spring.kafka.consumer.group-id=" + names.base() + "-items",
                        "--spring.mongodb.uri=mongodb://" + LocalServer.MONGO.address() + "/" + names.database()));
        try {
            var producer = new KafkaProducer<>(
                    Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            LocalServer.KAFKA.address(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
            return new ItemServiceFeed(supplierId, names, process, producer);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** item-service's own API, to check what it holds. */
    public HttpTestClient catalog() {
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
        SupplierItemReceived received = SupplierItems.received(item, "item-service-feed");
        var record = CloudEventHeaders.record(
                names.topic(Topics.SUPPLIER_ITEMS),
                received.key(),
                HttpTestClient.JSON.writeValueAsBytes(received),
                received.eventId().toString(),
                received.type(),
                SOURCE,
                CloudEventHeaders.time(received.occurredAt()));
        try {
            producer.send(record).get(); // bounded by the producer's delivery timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + item.itemId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("supplier item " + item.itemId() + " not sent", e.getCause());
        }
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

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            process.close();
        }
    }
}
