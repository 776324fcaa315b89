package dev.bazaar.inbound;

import dev.bazaar.contracts.Topics;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/** Everything the service has published on its {@code supplier.items.v1}, for tests that assert an absence. */
public final class PublishedItems {

    /**
     * The topic's records once the batch outbox is empty: the relay deletes a row in the transaction that saw
     * Kafka acknowledge its events, so with no row left everything staged so far is below the topic's end offsets
     * (read up to them), and nothing staged can still arrive later. Call after the import or request finished.
     */
    public static List<ConsumerRecord<String, byte[]>> all(JdbcTemplate jdbc, IsolatedNames names) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM bazaar_outbox_batch", Long.class) == 0);
        return KafkaRecords.readToEnd(
                LocalServer.KAFKA.address(), names.topic(Topics.SUPPLIER_ITEMS), Duration.ofMinutes(1));
    }

    private PublishedItems() {}
}
