package dev.bazaar.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Spring Data Cassandra expects its keyspace to exist; tests get a fresh one per class. */
public final class CassandraKeyspaces {

    public static final String LOCAL_DATACENTER = "datacenter1";

    static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

    public static void create(String keyspace) {
        LocalServer server = LocalServer.CASSANDRA;
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(server.host(), server.port()))
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, SCHEMA_TIMEOUT)
                        .build())
                .build()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "Tests using Cassandra need the Cassandra driver on the test "
                            + "classpath (spring-boot-starter-data-cassandra)",
                    e);
        }
    }

    private CassandraKeyspaces() {}
}
