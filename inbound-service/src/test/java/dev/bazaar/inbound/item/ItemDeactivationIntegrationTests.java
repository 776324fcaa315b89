package dev.bazaar.inbound.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.inbound.PublishedItems;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.net.http.HttpRequest;
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
 * A supplier takes its item off sale: the last snapshot (read back from the ledger) is published
 * with the next version and {@code active=false}; doing it again publishes nothing; another
 * supplier's SKU, or one never imported, is not found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class ItemDeactivationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeactivatedItemIsPublishedOnceWithItsWholeSnapshotAndTheNextVersion() {
        var client = new InboundClient(port);
        String supplier = "deact-" + System.nanoTime() % 100_000;
        String apiKey = client.newSupplierWithKey(supplier);
        importLamp(client, apiKey);

        HttpTestClient.Response first = deactivate(client, apiKey, "lamp-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("version").longValue()).isEqualTo(2);
        assertThat(first.json().get("active").booleanValue()).isFalse();
        HttpTestClient.Response again =
                client.post("/api/supplier/items/lamp-1/deactivate", apiKey, null, HttpRequest.BodyPublishers.noBody());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").longValue())
                .as("already inactive: no new version")
                .isEqualTo(2);

        String itemId = ItemIds.of(supplier, "lamp-1");
        var events = PublishedItems.all(jdbc, names);
        List<JsonNode> items = events.stream()
                .filter(record -> record.key().equals(itemId))
                .map(record -> json.readTree(record.value()).get("item"))
                .toList();
        assertThat(items).extracting(item -> item.get("version").longValue()).containsExactly(1L, 2L);
        JsonNode created = items.get(0);
        JsonNode deactivated = items.get(1);
        assertThat(deactivated.get("active").booleanValue()).isFalse();
        // Everything but the version and the flag is the snapshot as imported, non-ASCII text included.
        for (String field : List.of(
                "title",
                "brand",
                "categoryPath",
                "price",
                "mrp",
                "images",
                "attributes",
                "sizeClass",
                "supplierSku",
                "supplierId")) {
            assertThat(deactivated.get(field)).as(field).isEqualTo(created.get(field));
        }
        assertThat(deactivated.get("title").stringValue()).isEqualTo("Brass lamp – “Diya” दीया");
    }

    @Test
    void anotherSuppliersSkuAndAnUnknownOneAreNotFound() {
        var client = new InboundClient(port);
        String owner = "owner-" + System.nanoTime() % 100_000;
        String ownerKey = client.newSupplierWithKey(owner);
        importLamp(client, ownerKey);
        String otherKey = client.newSupplierWithKey("other-" + System.nanoTime() % 100_000);

        HttpTestClient.Response foreign = deactivate(client, otherKey, "lamp-1");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(deactivate(client, ownerKey, "never-imported").status()).isEqualTo(404);
        assertThat(deactivate(client, ownerKey, "lamp-1").status())
                .as("the owner still can")
                .isEqualTo(200);
    }

    private static final String LAMP = "{\"supplierSku\":\"lamp-1\",\"title\":\"Brass lamp – “Diya” दीया\","
            + "\"brand\":\"Acme\",\"categoryPath\":[\"Home\",\"Lamps\"],\"price\":499,\"mrp\":599,"
            + "\"images\":[\"https://img.example/lamp.jpg\"],\"attributes\":{\"Material\":\"Brass\"}}";

    private static void importLamp(InboundClient client, String apiKey) {
        var received = client.importCatalog(apiKey, "application/json", "[" + LAMP + "]");
        client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(1));
    }

    private HttpTestClient.Response deactivate(InboundClient client, String apiKey, String sku) {
        return client.delete("/api/supplier/items/" + sku, apiKey);
    }
}
