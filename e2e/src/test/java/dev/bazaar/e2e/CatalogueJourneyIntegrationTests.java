package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue flow of ARCHITECTURE §6 across two real services: the real Flipkart sample is
 * imported through inbound-service, travels over Kafka, and is served by item-service; importing
 * it again changes nothing anywhere.
 */
class CatalogueJourneyIntegrationTests {

    static final Path SAMPLE = Path.of(System.getenv().getOrDefault("BAZAAR_DATA_DIR", "../../shared/data"))
            .resolve("flipkart_com-ecommerce_sample.csv");
    static final String SUPPLIER = "demo-supplier";
    static final String SHORTS_SKU = "SRTEH2FF9KEDEFGF";

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final IsolatedNames names = IsolatedNames.forTestClass(CatalogueJourneyIntegrationTests.class);

    @TempDir
    static Path home;

    static ServiceProcess inbound;
    static ServiceProcess items;

    @BeforeAll
    static void startServices() throws Exception {
        assumeTrue(Files.exists(SAMPLE), "Flipkart sample not found at " + SAMPLE.toAbsolutePath()
                + " (set BAZAAR_DATA_DIR): skipping the catalogue journey");
        LocalServer.KAFKA.requireReachable();
        LocalServer.MARIADB.requireReachable();
        LocalServer.MONGO.requireReachable();
        String kafka = "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address();
        String topics = "--bazaar.kafka.topic-prefix=" + names.topicPrefix();
        inbound = ServiceProcess.start("inbound-service", List.of(kafka, topics,
                "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database()
                        + "?createDatabaseIfNotExist=true",
                "--bazaar.inbound.demo-supplier.enabled=true",
                "--bazaar.inbound.demo-supplier.key-file=" + home.resolve("demo-api-key"),
                "--bazaar.inbound.import.spool-dir=" + home.resolve("spool")));
        items = ServiceProcess.start("item-service", List.of(kafka, topics,
                "--spring.kafka.consumer.group-id=" + names.base() + "-items",
                "--spring.mongodb.uri=mongodb://" + LocalServer.MONGO.address() + "/" + names.database()));
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] { items, inbound }) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void theRealSampleIsImportedServedAndReimportedWithoutChanges() throws Exception {
        String apiKey = Files.readString(home.resolve("demo-api-key")).trim();

        JsonNode first = importSample(apiKey);
        // 999 products among 4,994 rows (the rest blank); 4 products have neither price.
        assertThat(counts(first)).containsExactly(4994L, 995L, 4L, 3995L, 0L);
        assertThat(StreamSupport.stream(first.get("errors").get("items").spliterator(), false)
                .map(error -> error.get("row").longValue())).containsExactly(13L, 22L, 77L, 813L);

        awaitItemsServed(995);
        JsonNode shorts = getJson(items.baseUrl() + "/api/items/" + ItemIds.of(SUPPLIER, SHORTS_SKU));
        assertThat(shorts.get("title").stringValue()).isEqualTo("Alisha Solid Women's Cycling Shorts");
        assertThat(shorts.get("price").get("minor").longValue()).isEqualTo(37_900);
        assertThat(shorts.get("categoryPath").get(0).stringValue()).isEqualTo("Clothing");

        String missing = UUID.randomUUID().toString();
        String sofa = ItemIds.of(SUPPLIER, "SBEEH3QGU7MFYJFY");
        JsonNode bulk = postJson(items.baseUrl() + "/api/items/bulk-get",
                Map.of("ids", List.of(sofa, missing, ItemIds.of(SUPPLIER, SHORTS_SKU))));
        assertThat(StreamSupport.stream(bulk.get("items").spliterator(), false).map(i -> i.get("itemId").stringValue()))
                .containsExactly(sofa, ItemIds.of(SUPPLIER, SHORTS_SKU));
        assertThat(bulk.get("missing").get(0).stringValue()).isEqualTo(missing);
        long catalogEvents = recordsOn(names.topic(Topics.CATALOG_ITEMS));
        assertThat(catalogEvents).isEqualTo(995);

        JsonNode second = importSample(apiKey);
        assertThat(counts(second)).containsExactly(4994L, 0L, 4L, 3995L, 995L);
        Thread.sleep(3_000); // what a wrongly emitted change would need to show up
        assertThat(recordsOn(names.topic(Topics.CATALOG_ITEMS))).isEqualTo(catalogEvents);
        assertThat(itemsOfSupplier()).isEqualTo(995);
    }

    private JsonNode importSample(String apiKey) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(inbound.baseUrl() + "/api/supplier/catalog"))
                .header("Content-Type", "text/csv").header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofFile(SAMPLE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        String importId = json.readTree(response.body()).get("importId").stringValue();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            var status = http.send(HttpRequest.newBuilder(URI.create(inbound.baseUrl() + "/api/supplier/imports/"
                    + importId + "?size=10")).header("X-Api-Key", apiKey).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = json.readTree(status.body());
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
        return getJson(items.baseUrl() + "/api/items?supplierId=" + SUPPLIER + "&size=1").get("totalElements").longValue();
    }

    private static JsonNode getJson(String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode postJson(String url, Object body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<Long> counts(JsonNode job) {
        JsonNode counts = job.get("counts");
        List<Long> values = new ArrayList<>();
        for (String field : List.of("rowsRead", "accepted", "rejected", "skipped", "unchanged")) {
            values.add(counts.get(field).longValue());
        }
        return values;
    }

    /** All records on a topic, read from the start by a fresh consumer. */
    private static long recordsOn(String topic) {
        return KafkaRecords.read(LocalServer.KAFKA.address(), topic, records -> false, Duration.ofSeconds(5)).size();
    }
}
