package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real item-service process for the cart tests, fed items through its real input
 * (supplier.items.v1) as one supplier. It starts before a test class's Spring context, so it has
 * names of its own, not the class's; the class's context sends with its own Kafka template.
 */
final class ItemServiceFeed implements AutoCloseable {

    private final String supplier;
    private final IsolatedNames names;
    private final ServiceProcess process;
    private final HttpTestClient catalog;

    private ItemServiceFeed(String supplier, IsolatedNames names, ServiceProcess process) {
        this.supplier = supplier;
        this.names = names;
        this.process = process;
        this.catalog = new HttpTestClient(process.baseUrl());
    }

    static ItemServiceFeed start(String supplier) throws IOException {
        LocalServer.MONGO.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(ServiceProcess.class);
        ServiceProcess process = ServiceProcess.start(
                "item-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                        "--spring.kafka.consumer.group-id=" + names.base() + "-items",
                        "--spring.mongodb.uri=mongodb://" + LocalServer.MONGO.address() + "/" + names.database()));
        return new ItemServiceFeed(supplier, names, process);
    }

    String baseUrl() {
        return process.baseUrl();
    }

    /** item-service's own API, to check what it holds. */
    HttpTestClient catalog() {
        return catalog;
    }

    /** A new item, sent and waited for until item-service serves its price. */
    String newItem(KafkaTemplate<String, byte[]> kafka, JsonMapper json, long priceMinor, boolean active) {
        String itemId = send(kafka, json, "sku-" + UUID.randomUUID(), 1, priceMinor, active);
        awaitPrice(itemId, priceMinor);
        return itemId;
    }

    /** Sends one version of the supplier's item {@code sku}; returns its item id without waiting. */
    String send(
            KafkaTemplate<String, byte[]> kafka,
            JsonMapper json,
            String sku,
            long version,
            long priceMinor,
            boolean active) {
        String itemId = ItemIds.of(supplier, sku);
        var item = new CanonicalItem(
                itemId,
                supplier,
                sku,
                version,
                "Cart test item " + sku,
                "Acme",
                List.of("Kitchen & Dining", "Mugs"),
                Money.inr(priceMinor),
                Money.inr(priceMinor),
                List.of(),
                "",
                Map.of(),
                SizeClass.SMALL,
                active);
        var received = new SupplierItemReceived(UUID.randomUUID(), Instant.now(), supplier, item);
        kafka.send(CloudEventHeaders.record(
                        names.topic(Topics.SUPPLIER_ITEMS),
                        received.key(),
                        json.writeValueAsBytes(received),
                        received.eventId().toString(),
                        received.type(),
                        supplier,
                        CloudEventHeaders.time(received.occurredAt())))
                .join();
        return itemId;
    }

    void awaitPrice(String itemId, long priceMinor) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpTestClient.Response item = catalog.get("/api/items/" + itemId);
            return item.status() == 200
                    && item.json().path("price").path("minor").asLong() == priceMinor;
        });
    }

    @Override
    public void close() {
        process.close();
    }
}
