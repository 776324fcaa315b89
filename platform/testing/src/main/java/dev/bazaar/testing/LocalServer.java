package dev.bazaar.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The backing servers `./bazaar infra up` runs on loopback. Ports follow the same environment
 * variables as the launcher ({@code BAZAAR_KAFKA_PORT} …), so tests always find the servers the
 * launcher started; a system property of the same name in lower case with dots wins
 * ({@code -Dbazaar.kafka.port=…}).
 */
public enum LocalServer {
    KAFKA("Kafka", 19092),
    ELASTICSEARCH("Elasticsearch", 19200),
    MONGO("MongoDB (wire protocol)", 27018),
    MARIADB("MariaDB", 13306),
    REDIS("Redis", 16379),
    CASSANDRA("Cassandra", 19042),
    GREENMAIL("GreenMail SMTP", 13025) {
        @Override
        String portVariable() {
            return "BAZAAR_GREENMAIL_SMTP_PORT";
        }
    };

    private final String displayName;
    private final int defaultPort;

    LocalServer(String displayName, int defaultPort) {
        this.displayName = displayName;
        this.defaultPort = defaultPort;
    }

    public String host() {
        return setting("BAZAAR_HOST", "bazaar.host", "127.0.0.1");
    }

    public int port() {
        String propertyName = portVariable().toLowerCase().replace('_', '.');
        return Integer.parseInt(setting(portVariable(), propertyName, String.valueOf(defaultPort)));
    }

    /** The launcher's environment variable for this server's port. */
    String portVariable() {
        return "BAZAAR_" + name() + "_PORT";
    }

    public String address() {
        return host() + ":" + port();
    }

    public boolean isReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with the fix in the message, so a missing server costs seconds, not a timeout per test. */
    public void requireReachable() {
        if (!isReachable()) {
            throw new IllegalStateException(displayName + " is not reachable at " + address()
                    + ". Integration tests use the local servers: start them with `./bazaar infra up` "
                    + "(or run every test with `./bazaar test`), or point " + portVariable() + " at a running server.");
        }
    }

    private static String setting(String envName, String propertyName, String fallback) {
        String fromProperty = System.getProperty(propertyName);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv(envName);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }
}
