package dev.bazaar.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the connection properties of the requested servers, with this test class's isolated names,
 * at the highest precedence so a service's own {@code application.yml} cannot point tests elsewhere.
 * Equality is per test class: two classes never share a context, and so never share data.
 */
final class LocalServersContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "bazaarLocalServers";

    private final Class<?> testClass;
    private final List<LocalServer> servers;

    LocalServersContextCustomizer(Class<?> testClass, List<LocalServer> servers) {
        this.testClass = testClass;
        this.servers = servers;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        servers.forEach(LocalServer::requireReachable);
        IsolatedNames names = IsolatedNames.forTestClass(testClass);
        if (servers.contains(LocalServer.CASSANDRA)) {
            CassandraKeyspaces.create(names.keyspace());
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(names)));
        context.getBeanFactory().registerSingleton("isolatedNames", names);
    }

    private Map<String, Object> properties(IsolatedNames names) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (LocalServer server : servers) {
            properties.putAll(propertiesFor(server, names));
        }
        return properties;
    }

    static Map<String, Object> propertiesFor(LocalServer server, IsolatedNames names) {
        return switch (server) {
            case KAFKA ->
                Map.of(
                        "spring.kafka.bootstrap-servers", server.address(),
                        "spring.kafka.consumer.group-id", names.base(),
                        "bazaar.kafka.topic-prefix", names.topicPrefix());
            case ELASTICSEARCH ->
                Map.of(
                        "spring.elasticsearch.uris",
                        "http://" + server.address(),
                        "bazaar.elasticsearch.index-prefix",
                        names.indexPrefix());
            case MONGO -> Map.of("spring.mongodb.uri", "mongodb://" + server.address() + "/" + names.database());
            case MARIADB ->
                Map.of(
                        "spring.datasource.url",
                                "jdbc:mariadb://" + server.address() + "/" + names.database()
                                        + "?createDatabaseIfNotExist=true",
                        "spring.datasource.username", "root",
                        "spring.datasource.password", "");
            case REDIS ->
                Map.of(
                        "spring.data.redis.host", server.host(),
                        "spring.data.redis.port", server.port(),
                        "bazaar.redis.key-prefix", names.redisKeyPrefix());
            // Schema changes (create-if-not-exists) take seconds on a busy 2-core machine, well past
            // the driver's 2 s default.
            case CASSANDRA ->
                Map.of(
                        "spring.cassandra.contact-points",
                        server.address(),
                        "spring.cassandra.local-datacenter",
                        CassandraKeyspaces.LOCAL_DATACENTER,
                        "spring.cassandra.keyspace-name",
                        names.keyspace(),
                        "spring.cassandra.request.timeout",
                        CassandraKeyspaces.SCHEMA_TIMEOUT.toSeconds() + "s",
                        "spring.cassandra.connection.init-query-timeout",
                        "10s");
            case GREENMAIL ->
                Map.of(
                        "spring.mail.host", server.host(),
                        "spring.mail.port", server.port());
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalServersContextCustomizer that
                && testClass.equals(that.testClass)
                && servers.equals(that.servers);
    }

    @Override
    public int hashCode() {
        return testClass.hashCode() * 31 + servers.hashCode();
    }
}
