package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.SharedData;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue flow (docs/architecture.md, "Catalogue: supplier → searchable") across real services: the real Flipkart sample is imported
 * through inbound-service, travels over Kafka, and is served by item-service; importing it again
 * changes nothing anywhere. A catalogue sent through the gateway carries the request's W3C trace
 * to every record it causes, across both hops over Kafka.
 */
class CatalogueJourneyIntegrationTests {

    static final Optional<Path> SAMPLE = SharedData.file(SharedData.FLIPKART_SAMPLE);
    static final String SUPPLIER = "demo-supplier";
    static final String SHORTS_SKU = "SRTEH2FF9KEDEFGF";

    static final IsolatedNames names = IsolatedNames.forTestClass(CatalogueJourneyIntegrationTests.class);

    @TempDir
    static Path home;

    static ServiceProcess inbound;
    static ServiceProcess items;
    static ServiceProcess gateway;

    @BeforeAll
    static void startServices() throws Exception {
        LocalServer.KAFKA.requireReachable();
        LocalServer.REDIS.requireReachable();
        LocalServer.MARIADB.requireReachable();
        LocalServer.MONGO.requireReachable();
        String kafka = "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address();
        String topics = "--bazaar.kafka.topic-prefix=" + names.topicPrefix();
        inbound = ServiceProcess.start(
                "inbound-service",
                List.of(
                        kafka,
                        topics,
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--bazaar.inbound.demo-supplier.enabled=true",
                        "--bazaar.inbound.demo-supplier.key-file=" + home.resolve("demo-api-key"),
                        "--bazaar.inbound.import.spool-dir=" + home.resolve("spool")));
        items = ServiceProcess.start(
                "item-service",
                List.of(
                        kafka,
                        topics,
                        "--spring.kafka.consumer.group-id=" + names.base() + "-items",
                        "--spring.mongodb.uri=mongodb://" + LocalServer.MONGO.address() + "/" + names.database()));
        gateway = ServiceProcess.start(
                "gateway",
                List.of(
                        "--bazaar.gateway.routes.inbound=" + inbound.baseUrl(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port()));
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {gateway, items, inbound}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aCatalogueSentThroughTheGatewayCarriesTheRequestsTraceToTheItemEvents() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sku = "TRACED-" + traceId.substring(0, 8);
        String itemId = ItemIds.of(SUPPLIER, sku);
        var response = new HttpTestClient(gateway.baseUrl())
                .post(
                        "/api/supplier/catalog",
                        List.of(Map.of(
                                "supplierSku",
                                sku,
                                "title",
                                "Traced ceramic mug",
                                "brand",
                                "Acme",
                                "categoryPath",
                                List.of("Kitchen & Dining", "Mugs"),
                                "price",
                                199)),
                        "X-Api-Key",
                        apiKey(),
                        "traceparent",
                        "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(response.status()).as(response.body()).isEqualTo(202);

        // inbound's import (a background job, its outbox relayed after the commit) -> supplier.items.v1
        assertThat(KafkaRecords.traceId(recordOf(Topics.SUPPLIER_ITEMS, itemId)))
                .isEqualTo(traceId);
        // item-service's batch listener -> its write -> catalog.items.v1
        assertThat(KafkaRecords.traceId(recordOf(Topics.CATALOG_ITEMS, itemId))).isEqualTo(traceId);
    }

    @Test
    void theRealSampleIsImportedServedAndReimportedWithoutChanges() throws Exception {
        assumeTrue(SAMPLE.isPresent(), SharedData.missing(SharedData.FLIPKART_SAMPLE));
        String apiKey = apiKey();
        // The other test's item, if it ran first, is the one the supplier may already have.
        long itemsBefore = itemsOfSupplier();
        long eventsBefore = KafkaRecords.recordsNow(LocalServer.KAFKA.address(), names.topic(Topics.CATALOG_ITEMS));

        JsonNode first = importSample(apiKey);
        // 999 products among 4,994 rows (the rest blank); 4 products have neither price.
        assertThat(counts(first)).containsExactly(4994L, 995L, 4L, 3995L, 0L);
        assertThat(StreamSupport.stream(first.get("errors").get("items").spliterator(), false)
                        .map(error -> error.get("row").longValue()))
                .containsExactly(13L, 22L, 77L, 813L);

        awaitItemsServed(itemsBefore + 995);
        JsonNode shorts = getJson(items, "/api/items/" + ItemIds.of(SUPPLIER, SHORTS_SKU));
        assertThat(shorts.get("title").stringValue()).isEqualTo("Alisha Solid Women's Cycling Shorts");
        assertThat(shorts.get("price").get("minor").longValue()).isEqualTo(37_900);
        assertThat(shorts.get("categoryPath").get(0).stringValue()).isEqualTo("Clothing");

        String missing = UUID.randomUUID().toString();
        String sofa = ItemIds.of(SUPPLIER, "SBEEH3QGU7MFYJFY");
        JsonNode bulk = postJson(
                items, "/api/items/bulk-get", Map.of("ids", List.of(sofa, missing, ItemIds.of(SUPPLIER, SHORTS_SKU))));
        assertThat(StreamSupport.stream(bulk.get("items").spliterator(), false)
                        .map(i -> i.get("itemId").stringValue()))
                .containsExactly(sofa, ItemIds.of(SUPPLIER, SHORTS_SKU));
        assertThat(bulk.get("missing").get(0).stringValue()).isEqualTo(missing);
        long catalogEvents = eventsBefore + 995;

        JsonNode second = importSample(apiKey);
        assertThat(counts(second)).containsExactly(4994L, 0L, 4L, 3995L, 995L);
        // Nothing else came of either import: markers sent after the second one, one on each partition of
        // supplier.items.v1, reach catalog.items.v1 behind anything the imports caused (per-partition order).
        List<String> markers = importMarkers(apiKey);
        List<ConsumerRecord<String, byte[]>> upToMarkers = recordsUpTo(names.topic(Topics.CATALOG_ITEMS), markers);
        assertThat(upToMarkers.stream().filter(r -> !markers.contains(r.key())).count())
                .as("catalogue events other than the markers'")
                .isEqualTo(catalogEvents);
        assertThat(itemsOfSupplier()).isEqualTo(itemsBefore + 995 + markers.size());
    }

    /**
     * Imports one new item per partition of supplier.items.v1 (their ids chosen by Kafka's default
     * partitioner) and returns their item ids, checking that they did land on every partition.
     */
    private List<String> importMarkers(String apiKey) throws Exception {
        String topic = names.topic(Topics.SUPPLIER_ITEMS);
        int partitions = KafkaRecords.partitionCount(LocalServer.KAFKA.address(), topic);
        List<String> skus = new ArrayList<>();
        boolean[] covered = new boolean[partitions];
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int n = 0; skus.size() < partitions; n++) {
            String sku = "MARKER-" + run + "-" + n;
            int partition =
                    Utils.toPositive(Utils.murmur2(ItemIds.of(SUPPLIER, sku).getBytes(StandardCharsets.UTF_8)))
                            % partitions;
            if (!covered[partition]) {
                covered[partition] = true;
                skus.add(sku);
            }
        }
        List<Map<String, Object>> catalogue = skus.stream()
                .<Map<String, Object>>map(sku -> Map.of(
                        "supplierSku",
                        sku,
                        "title",
                        "Marker " + sku,
                        "brand",
                        "Acme",
                        "categoryPath",
                        List.of("Kitchen & Dining", "Mugs"),
                        "price",
                        99))
                .toList();
        var response =
                new HttpTestClient(inbound.baseUrl()).post("/api/supplier/catalog", catalogue, "X-Api-Key", apiKey);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        List<String> markers =
                skus.stream().map(sku -> ItemIds.of(SUPPLIER, sku)).toList();
        Set<Integer> landedOn = recordsUpTo(topic, markers).stream()
                .filter(r -> markers.contains(r.key()))
                .map(ConsumerRecord::partition)
                .collect(Collectors.toSet());
        assertThat(landedOn).as("the markers' partitions").hasSize(partitions);
        return markers;
    }

    /** The topic's records from the start until every key of {@code markers} has been read. */
    private static List<ConsumerRecord<String, byte[]>> recordsUpTo(String topic, List<String> markers) {
        List<ConsumerRecord<String, byte[]>> records =
                KafkaRecords.readUntilKeys(LocalServer.KAFKA.address(), topic, markers, Duration.ofSeconds(90));
        assertThat(records.stream().map(ConsumerRecord::key).toList())
                .as("records on " + topic)
                .containsAll(markers);
        return records;
    }

    private static String apiKey() throws Exception {
        return Files.readString(home.resolve("demo-api-key")).trim();
    }

    private static ConsumerRecord<String, byte[]> recordOf(String topic, String key) {
        return KafkaRecords.firstWithKey(LocalServer.KAFKA.address(), names.topic(topic), key, Duration.ofSeconds(60));
    }

    private JsonNode importSample(String apiKey) throws Exception {
        HttpTestClient supplier = new HttpTestClient(inbound.baseUrl()).withHeader("X-Api-Key", apiKey);
        var response =
                supplier.send("POST", "/api/supplier/catalog", "text/csv", BodyPublishers.ofFile(SAMPLE.orElseThrow()));
        assertThat(response.status()).isEqualTo(202);
        String importId = response.json().get("importId").stringValue();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = supplier.get("/api/supplier/imports/" + importId + "?size=10")
                    .json();
            if ("COMPLETED".equals(job.get("status").stringValue())) {
                return job;
            }
            assertThat(job.get("status").stringValue()).isNotEqualTo("FAILED");
            Thread.sleep(500);
        }
        throw new AssertionError("import " + importId + " did not complete in 3 minutes");
    }

    private void awaitItemsServed(long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (itemsOfSupplier() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("item-service serves " + itemsOfSupplier() + " of " + expected + " items");
            }
            Thread.sleep(500);
        }
    }

    private long itemsOfSupplier() throws Exception {
        return getJson(items, "/api/items?supplierId=" + SUPPLIER + "&size=1")
                .get("totalElements")
                .longValue();
    }

    private static JsonNode getJson(ServiceProcess service, String path) {
        var response = new HttpTestClient(service.baseUrl()).get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json();
    }

    private static JsonNode postJson(ServiceProcess service, String path, Object body) {
        var response = new HttpTestClient(service.baseUrl()).post(path, body);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json();
    }

    private static List<Long> counts(JsonNode job) {
        JsonNode counts = job.get("counts");
        List<Long> values = new ArrayList<>();
        for (String field : List.of("rowsRead", "accepted", "rejected", "skipped", "unchanged")) {
            values.add(counts.get(field).longValue());
        }
        return values;
    }
}
