package dev.bazaar.inbound.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.inbound.InboundClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A 100,000-row Flipkart-format CSV (about 60 MB) generated while it is sent, through the whole
 * pipeline to Kafka, in a JVM with a 256 MB heap (failsafe argLine): the file is never held in
 * memory on either side. Prints the throughput; {@code -Dinbound.large-rows=N} changes the size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class LargeImportIntegrationTests {

    static final int ROWS = Integer.getInteger("inbound.large-rows", 100_000);

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Test
    void importsOneHundredThousandRowsStreamed() {
        var client = new InboundClient(port);
        String apiKey = client.newSupplierWithKey("bulk");

        long start = System.nanoTime();
        var received = client.post(
                "/api/supplier/catalog",
                apiKey,
                "text/csv",
                HttpRequest.BodyPublishers.ofInputStream(() -> generatedCsv(ROWS)));
        long spooled = System.nanoTime();
        assertThat(received.status()).isEqualTo(202);
        JsonNode job =
                client.awaitFinished(apiKey, received.json().get("importId").stringValue(), Duration.ofMinutes(20));
        long processed = System.nanoTime();
        long published = KafkaRecords.count(
                LocalServer.KAFKA.address(),
                names.topic(Topics.SUPPLIER_ITEMS),
                ROWS,
                Duration.ofMinutes(20),
                record -> {});
        long end = System.nanoTime();

        assertThat(job.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(job.get("counts").get("accepted").longValue()).isEqualTo(ROWS);
        // Delivery is at least once (a relay batch whose ack timed out is sent again); consumers dedupe by ce_id.
        assertThat(published).isGreaterThanOrEqualTo(ROWS);
        System.out.printf(
                "LARGE IMPORT %,d rows: upload+spool %d ms, processing %d ms, all on Kafka after %d ms "
                        + "=> %.0f rows/s end to end, heap max %d MB%n",
                ROWS,
                (spooled - start) / 1_000_000,
                (processed - spooled) / 1_000_000,
                (end - start) / 1_000_000,
                ROWS / ((end - start) / 1e9),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Rows generated on demand, in chunks of 1,000, so the test never holds the file either. */
    static InputStream generatedCsv(int rows) {
        String header = "uniq_id,crawl_timestamp,product_url,product_name,product_category_tree,pid,retail_price,"
                + "discounted_price,image,is_FK_Advantage_product,description,product_rating,overall_rating,brand,"
                + "product_specifications\n";
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next * 1000 < rows;
            }

            @Override
            public InputStream nextElement() {
                int part = next++;
                if (part < 0) {
                    return new java.io.ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8));
                }
                StringBuilder csv = new StringBuilder();
                for (int i = part * 1000; i < Math.min(rows, (part + 1) * 1000); i++) {
                    csv.append(row(i));
                }
                return new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    static String row(int i) {
        int mrp = 500 + i % 5000;
        return "u" + i + ",2016-03-25 22:59:23 +0000,http://www.flipkart.com/p/" + i + ",Bench Product " + i
                + ",\"[\"\"Clothing >> Women's Clothing >> Shorts\"\"]\",BENCH" + i + "," + mrp + "," + (mrp - i % 100)
                + ",\"[\"\"http://img5a.flixcart.com/image/" + i + ".jpeg\"\"]\",FALSE,\"A generated product, number "
                + i
                + ", with a description of a realistic length for a catalogue row that says little.\",No rating available,"
                + "No rating available,Bench,\"{\"\"product_specification\"\"=>[{\"\"key\"\"=>\"\"Fabric\"\", \"\"value\"\"=>"
                + "\"\"Cotton\"\"}, {\"\"key\"\"=>\"\"Weight\"\", \"\"value\"\"=>\"\"" + (100 + i % 900)
                + " g\"\"}]}\"\n";
    }
}
