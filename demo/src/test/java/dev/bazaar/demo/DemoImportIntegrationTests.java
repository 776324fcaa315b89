package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole demo catalogue through a real inbound-service (its jar, as {@code ./bazaar up} runs
 * it, with its own database and topics) as the demo supplier: every row is accepted, each item is
 * published as generated with the size class its parcel was made for, and a second import finds
 * every item unchanged. The gateway in front is not started: it only forwards /api/supplier/**.
 */
class DemoImportIntegrationTests {

    static final IsolatedNames names = IsolatedNames.forTestClass(DemoImportIntegrationTests.class);
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path home;

    static ServiceProcess inbound;

    @BeforeAll
    static void startInbound() throws Exception {
        LocalServer.KAFKA.requireReachable();
        LocalServer.MARIADB.requireReachable();
        inbound = ServiceProcess.start(
                "inbound-service",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                        "--bazaar.kafka.topic-prefix=" + names.topicPrefix(),
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--bazaar.inbound.demo-supplier.enabled=true",
                        "--bazaar.inbound.demo-supplier.key-file=" + home.resolve("demo-api-key"),
                        "--bazaar.inbound.import.spool-dir=" + home.resolve("spool")));
    }

    @AfterAll
    static void stopInbound() {
        if (inbound != null) {
            inbound.close();
        }
    }

    @Test
    void theDemoCatalogueIsAcceptedWholeAndUnchangedTheSecondTime() throws Exception {
        List<DemoItem> items = DemoCatalogue.standard().items();
        var demoImport = new DemoImport(
                new SupplierApi(
                        inbound.baseUrl(),
                        Files.readString(home.resolve("demo-api-key")).strip()),
                Duration.ofMinutes(3));

        ImportStatus first = demoImport.run(items, home.resolve("demo/catalogue.json"));
        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.counts()).isEqualTo(new ImportStatus.Counts(items.size(), items.size(), 0, 0, 0));

        // What inbound published is what was generated, with inbound's own size class for each parcel.
        Map<String, JsonNode> published = publishedItems(items.size());
        assertThat(published).hasSize(items.size());
        Map<String, DemoItem> generated =
                items.stream().collect(Collectors.toMap(DemoItem::itemId, Function.identity()));
        assertThat(published.keySet()).isEqualTo(generated.keySet());
        assertThat(published.values()).allSatisfy(event -> {
            DemoItem item = generated.get(event.get("itemId").stringValue());
            assertThat(event.get("supplierId").stringValue()).isEqualTo(DemoCatalogue.SUPPLIER_ID);
            assertThat(event.get("title").stringValue()).isEqualTo(item.title());
            assertThat(event.get("brand").stringValue()).isEqualTo(item.brand());
            assertThat(event.get("price").get("minor").longValue()).isEqualTo(item.priceRupees() * 100);
            assertThat(event.get("mrp").get("minor").longValue()).isEqualTo(item.mrpRupees() * 100);
            assertThat(event.get("categoryPath").size())
                    .isEqualTo(item.categoryPath().size());
            assertThat(event.get("sizeClass").stringValue())
                    .as(item.title())
                    .isEqualTo(item.sizeClass().name());
        });

        ImportStatus second = demoImport.run(items, home.resolve("demo/catalogue.json"));
        assertThat(second.counts()).isEqualTo(new ImportStatus.Counts(items.size(), 0, 0, 0, items.size()));
    }

    /** The items of supplier.items.v1 by id, read from the start until {@code expected} distinct ones arrived. */
    private static Map<String, JsonNode> publishedItems(int expected) {
        Map<String, JsonNode> items = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(
                LocalServer.KAFKA.address(),
                names.topic(Topics.SUPPLIER_ITEMS),
                read -> read.size() >= expected,
                Duration.ofMinutes(1));
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode item = json.readTree(record.value()).get("item");
            items.put(item.get("itemId").stringValue(), item);
        }
        return items;
    }
}
