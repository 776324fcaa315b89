package dev.bazaar.testing;

import dev.bazaar.contracts.inventory.StockChanged;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A real serviceability-service process with its generated demo network (isolated database, Redis
 * prefix, topics and consumer group), for a service that asks it when items arrive. It learns items'
 * size class and stock from the CatalogItemChanged and StockChanged events a test publishes on
 * {@link #topicPrefix()}. In the demo network Mumbai {@value #METRO} is a metro with a warehouse
 * ({@value #WAREHOUSE}), Gangtok {@value #HILLS} is reached only over lanes that refuse BULKY parcels,
 * and Port Blair {@value #REMOTE} by nothing.
 */
public final class ServiceabilityNetwork implements AutoCloseable {

    public static final String METRO = "400001";
    public static final String HILLS = "737001";
    public static final String REMOTE = "744101";
    public static final String WAREHOUSE = "WH-BOM";

    private final String topicPrefix;
    private final ServiceProcess process;

    private ServiceabilityNetwork(String topicPrefix, ServiceProcess process) {
        this.topicPrefix = topicPrefix;
        this.process = process;
    }

    /** Starts it on names of its own (it starts before the test's Spring context has any). */
    public static ServiceabilityNetwork start() throws IOException {
        return start(IsolatedNames.forTestClass(ServiceabilityNetwork.class).topicPrefix());
    }

    /**
     * As {@link #start()}, consuming the topics under {@code topicPrefix}: e.g. an
     * {@link ItemServiceFeed}'s, so that item-service's own CatalogItemChanged events reach it.
     */
    public static ServiceabilityNetwork start(String topicPrefix) throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.REDIS.requireReachable();
        LocalServer.KAFKA.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(ServiceabilityNetwork.class);
        ServiceProcess process = ServiceProcess.start(
                "serviceability-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + topicPrefix,
                        "--spring.kafka.consumer.group-id=" + names.base(),
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--bazaar.serviceability.demo.enabled=true"));
        return new ServiceabilityNetwork(topicPrefix, process);
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** The prefix of the topics it consumes: publish its catalogue and stock events there. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /**
     * Publishes, as inventory-service will, {@code available} units of each item in the
     * {@link #WAREHOUSE} (version 1 of each item's stock), acknowledged by Kafka.
     */
    public void stock(List<String> itemIds, long available) {
        try (KafkaEvents inventory = KafkaEvents.open("inventory-service")) {
            for (String itemId : itemIds) {
                inventory.publish(
                        topicPrefix,
                        new StockChanged(UUID.randomUUID(), Instant.now(), itemId, WAREHOUSE, available, available, 1));
            }
        }
    }

    /** Its own answer for {@code itemIds} at {@code pincode}, to wait until it knows them. */
    public JsonNode batch(String pincode, List<String> itemIds) {
        return new HttpTestClient(baseUrl())
                .post("/api/serviceability/batch", Map.of("pincode", pincode, "itemIds", itemIds))
                .json();
    }

    /** Whether it answers every one of {@code itemIds} deliverable to {@code pincode}. */
    public boolean deliversAll(String pincode, List<String> itemIds) {
        return batch(pincode, itemIds)
                .path("items")
                .valueStream()
                .allMatch(item -> item.path("deliverable").booleanValue());
    }

    @Override
    public void close() {
        process.close();
    }
}
