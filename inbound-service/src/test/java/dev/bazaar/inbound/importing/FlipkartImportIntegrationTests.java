package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.inbound.PublishedItems;
import dev.bazaar.testing.FlipkartSampleFile;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.SharedData;
import dev.bazaar.testing.UsesLocalServers;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Flipkart sample ({@link SharedData}): 4,994 data
 * records = 999 products + 3,995 blank rows. (The data set is described as "1,000 products"; the
 * file as stored holds 999, every uniq_id distinct.) 4 products have neither price (rows 13, 22, 77,
 * 813) and are rejected; the other 995 are published. A second import of the same file publishes
 * nothing and reports the 995 as unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class FlipkartImportIntegrationTests {

    static final Optional<Path> SAMPLE = FlipkartSampleFile.locate();

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void requireSample() {
        Assumptions.assumeTrue(SAMPLE.isPresent(), SharedData.missing(SharedData.FLIPKART_SAMPLE));
    }

    @Test
    void importsTheRealSampleThenReportsAReimportAsUnchanged() throws IOException {
        var client = new InboundClient(port);
        String apiKey = client.newSupplierWithKey("flipkart");

        var received = client.post(
                "/api/supplier/catalog",
                apiKey,
                "text/csv; charset=utf-8",
                HttpRequest.BodyPublishers.ofFile(SAMPLE.orElseThrow()));
        assertThat(received.status()).isEqualTo(202);
        String importId = received.json().get("importId").stringValue();
        assertThat(received.header("Location")).isEqualTo("/api/supplier/imports/" + importId);

        JsonNode first = client.awaitFinished(apiKey, importId, Duration.ofMinutes(2));
        assertThat(first.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(counts(first)).containsExactly(4994L, 995L, 4L, 3995L, 0L);
        assertThat(first.get("errors").get("totalElements").longValue()).isEqualTo(4);
        List<JsonNode> errors = StreamSupport.stream(
                        first.get("errors").get("items").spliterator(), false)
                .toList();
        assertThat(errors).extracting(e -> e.get("row").longValue()).containsExactly(13L, 22L, 77L, 813L);
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.get("field").stringValue()).isEqualTo("discounted_price");
            assertThat(e.get("reason").stringValue()).contains("no price");
        });

        String topic = names.topic(Topics.SUPPLIER_ITEMS);
        String shortsId = ItemIds.of("flipkart", "SRTEH2FF9KEDEFGF");
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        long published = KafkaRecords.count(LocalServer.KAFKA.address(), topic, 995, Duration.ofMinutes(1), record -> {
            if (record.key().equals(shortsId)) {
                kept.add(record);
            }
        });
        assertThat(published).isEqualTo(995);
        var shorts = kept.get(0);
        assertThat(header(shorts.headers().lastHeader("ce_type"))).isEqualTo("dev.bazaar.SupplierItemReceived");
        assertThat(header(shorts.headers().lastHeader("ce_id"))).isNotBlank();
        assertThat(header(shorts.headers().lastHeader("ce_source"))).contains("inbound-service");
        assertThat(header(shorts.headers().lastHeader("ce_time"))).isNotBlank();
        JsonNode event = json.readTree(shorts.value());
        assertThat(event.get("importId").stringValue()).isEqualTo(importId);
        JsonNode item = event.get("item");
        assertThat(item.get("itemId").stringValue()).isEqualTo(shortsId);
        assertThat(item.get("supplierId").stringValue()).isEqualTo("flipkart");
        assertThat(item.get("version").longValue()).isEqualTo(1);
        assertThat(item.get("title").stringValue()).isEqualTo("Alisha Solid Women's Cycling Shorts");
        assertThat(item.get("brand").stringValue()).isEqualTo("Alisha");
        assertThat(json.convertValue(item.get("categoryPath"), List.class))
                .containsExactly(
                        "Clothing",
                        "Women's Clothing",
                        "Lingerie, Sleep & Swimwear",
                        "Shorts",
                        "Alisha Shorts",
                        "Alisha Solid Women's Cycling Shorts");
        assertThat(item.get("price").get("minor").longValue()).isEqualTo(37_900);
        assertThat(item.get("mrp").get("minor").longValue()).isEqualTo(99_900);
        assertThat(item.get("price").get("currency").stringValue()).isEqualTo("INR");
        assertThat(item.get("attributes").get("Fabric").stringValue()).isEqualTo("Cotton Lycra");
        assertThat(item.get("attributes")
                        .get("Number of Contents in Sales Package")
                        .stringValue())
                .isEqualTo("Pack of 3");
        assertThat(item.get("images").size()).isEqualTo(4);
        assertThat(item.get("sizeClass").stringValue()).isEqualTo("SMALL");
        assertThat(item.get("active").booleanValue()).isTrue();

        // The same file again: every product is unchanged and nothing new reaches the topic (all of it read once the
        // outbox is empty, instead of listening for a while).
        var again = client.post(
                "/api/supplier/catalog", apiKey, "text/csv", HttpRequest.BodyPublishers.ofFile(SAMPLE.orElseThrow()));
        JsonNode second =
                client.awaitFinished(apiKey, again.json().get("importId").stringValue(), Duration.ofMinutes(2));
        assertThat(counts(second)).containsExactly(4994L, 0L, 4L, 3995L, 995L);
        assertThat(PublishedItems.all(jdbc, names).size())
                .as("records on the topic")
                .isEqualTo(995);
    }

    private static List<Long> counts(JsonNode job) {
        JsonNode c = job.get("counts");
        return List.of(
                c.get("rowsRead").longValue(),
                c.get("accepted").longValue(),
                c.get("rejected").longValue(),
                c.get("skipped").longValue(),
                c.get("unchanged").longValue());
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
