package dev.bazaar.notification;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This service's own address ({@code http://127.0.0.1:<port>}), read when first needed: the port is only
 * known once the web server started (a random one in tests). Used where a setting left empty means "this
 * service": the SMS provider's simulator that runs inside it.
 */
@Component
public class LocalAddress {

    private final Environment environment;

    LocalAddress(Environment environment) {
        this.environment = environment;
    }

    /** {@code configured} when set, else this service's address with {@code path} appended. */
    public URI or(URI configured, String path) {
        if (configured != null && !configured.toString().isBlank()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8092"));
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
