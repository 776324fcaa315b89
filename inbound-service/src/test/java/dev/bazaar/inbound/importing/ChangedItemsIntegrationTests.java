package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.inbound.PublishedItems;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An item sent again with other content is published with the next version; sent again unchanged
 * it is counted as unchanged and published no more; changed back, it gets a version of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class ChangedItemsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachChangeGetsTheNextVersionAndAnUnchangedResendNone() {
        var client = new InboundClient(port);
        String supplier = "changes-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);

        assertThat(importMug(client, apiKey, 199)).containsExactly(1L, 0L);
        assertThat(importMug(client, apiKey, 249)).containsExactly(1L, 0L);
        assertThat(importMug(client, apiKey, 249)).as("the same content again").containsExactly(0L, 1L);
        assertThat(importMug(client, apiKey, 199)).as("changed back").containsExactly(1L, 0L);

        List<JsonNode> items = publishedItems(List.of(ItemIds.of(supplier, "mug-1")));
        assertThat(items).extracting(item -> item.get("version").longValue()).containsExactly(1L, 2L, 3L);
        assertThat(items)
                .extracting(item -> item.get("price").get("minor").longValue())
                .containsExactly(19900L, 24900L, 19900L);
    }

    @Test
    void aSkuSentTwiceInOneFileIsCreatedThenChanged() {
        var client = new InboundClient(port);
        String supplier = "twice-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);
        JsonNode job = importItems(client, apiKey, mug("mug-1", 199), mug("mug-2", 99), mug("mug-1", 249));
        assertThat(job.get("counts").get("accepted").longValue())
                .as(job.toString())
                .isEqualTo(3);

        List<JsonNode> items = publishedItems(List.of(ItemIds.of(supplier, "mug-1")));
        assertThat(items).extracting(item -> item.get("version").longValue()).containsExactly(1L, 2L);
        assertThat(items)
                .extracting(item -> item.get("price").get("minor").longValue())
                .containsExactly(19900L, 24900L);
        // The ledger holds the second: sent again, it is unchanged.
        assertThat(importMug(client, apiKey, 249)).as("accepted, unchanged").containsExactly(0L, 1L);
    }

    /**
     * Imports first take every item for new without reading the ledger; a known item among new
     * ones fails that chunk, which is written again with the ledger read. Nothing of the failed
     * attempt stays: the new items get version 1, the known one counts as unchanged.
     */
    @Test
    void aKnownItemAmongNewOnesIsFoundUnchangedAndTheNewOnesAreCreatedOnce() {
        var client = new InboundClient(port);
        String supplier = "mixed-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);
        assertThat(importMug(client, apiKey, 249)).containsExactly(1L, 0L);

        JsonNode job =
                importItems(client, apiKey, mug("mug-2", 99), mug("mug-3", 149), mug("mug-1", 249), mug("mug-4", 199));
        assertThat(job.get("status").stringValue()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("counts").get("accepted").longValue())
                .as(job.toString())
                .isEqualTo(3);
        assertThat(job.get("counts").get("unchanged").longValue())
                .as(job.toString())
                .isEqualTo(1);

        List<String> itemIds = List.of("mug-1", "mug-2", "mug-3", "mug-4").stream()
                .map(sku -> ItemIds.of(supplier, sku))
                .toList();
        assertThat(publishedItems(itemIds))
                .extracting(item -> item.get("itemId").stringValue() + " v"
                        + item.get("version").longValue())
                .containsExactlyInAnyOrder(
                        itemIds.get(0) + " v1", itemIds.get(1) + " v1", itemIds.get(2) + " v1", itemIds.get(3) + " v1");
    }

    private static String mug(String sku, int rupees) {
        return "{\"supplierSku\":\"" + sku + "\",\"title\":\"Ceramic mug\",\"brand\":\"Acme\","
                + "\"categoryPath\":[\"Kitchen & Dining\",\"Mugs\"],\"price\":" + rupees + ",\"mrp\":299,"
                + "\"images\":[\"https://img.example/mug.jpg\"],\"attributes\":{\"Material\":\"Ceramic\"}}";
    }

    /** Imports the items as one JSON file; returns the finished job. */
    private static JsonNode importItems(InboundClient client, String apiKey, String... items) {
        var received = client.importCatalog(apiKey, "application/json", "[" + String.join(",", items) + "]");
        return client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(1));
    }

    /** The items of the events published for these item ids, in the order they were published. */
    private List<JsonNode> publishedItems(List<String> itemIds) {
        var events = PublishedItems.all(jdbc, names);
        return events.stream()
                .filter(record -> itemIds.contains(record.key()))
                .map(record -> json.readTree(record.value()).get("item"))
                .toList();
    }

    /** @return the import's accepted and unchanged counts */
    private static List<Long> importMug(InboundClient client, String apiKey, int rupees) {
        JsonNode counts = importItems(client, apiKey, mug("mug-1", rupees)).get("counts");
        return List.of(
                counts.get("accepted").longValue(), counts.get("unchanged").longValue());
    }
}
