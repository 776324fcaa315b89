package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.cassandra.test.autoconfigure.DataCassandraTest;
import org.springframework.data.cassandra.core.cql.PrimaryKeyType;
import org.springframework.data.cassandra.core.mapping.PrimaryKeyColumn;
import org.springframework.data.cassandra.core.mapping.Table;

/** Archived orders live in Cassandra, partitioned by user, newest first. */
@DataCassandraTest(properties = "spring.cassandra.schema-action=create-if-not-exists")
@UsesLocalServers(LocalServer.CASSANDRA)
class CassandraSmokeIntegrationTests {

    @Table("archived_orders")
    record ArchivedOrder(
            @PrimaryKeyColumn(name = "user_id", type = PrimaryKeyType.PARTITIONED)
            String userId,

            @PrimaryKeyColumn(
                    name = "placed_at",
                    ordinal = 1,
                    type = PrimaryKeyType.CLUSTERED,
                    ordering = org.springframework.data.cassandra.core.cql.Ordering.DESCENDING)
            Instant placedAt,

            @PrimaryKeyColumn(name = "order_id", ordinal = 2, type = PrimaryKeyType.CLUSTERED)
            String orderId,

            String status,
            long totalMinor) {}

    @Autowired
    ArchivedOrders archive;

    @Test
    void insertedOrdersAreReadBackNewestFirstAndUpsertIsIdempotent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        archive.insert(new ArchivedOrder("u1", now.minusSeconds(60), "o1", "DELIVERED", 49_900));
        archive.insert(new ArchivedOrder("u1", now, "o2", "CANCELLED", 10_000));
        archive.insert(new ArchivedOrder("u1", now, "o2", "CANCELLED", 10_000));
        archive.insert(new ArchivedOrder("u2", now, "o3", "DELIVERED", 5_000));

        assertThat(archive.findByUserId("u1"))
                .extracting(ArchivedOrder::orderId)
                .containsExactly("o2", "o1");
        assertThat(archive.findByUserId("u1").get(1).totalMinor()).isEqualTo(49_900);
    }
}
