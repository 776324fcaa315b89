package dev.bazaar.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The JWKS of {@link TestJwts}' key, served over HTTP as user-service serves its own, for a service process
 * (started with {@link ServiceProcess}) that must accept test tokens: pass {@link #uri()} as its
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
 */
public final class TestJwks implements AutoCloseable {

    private final HttpServer server;

    private TestJwks(HttpServer server) {
        this.server = server;
    }

    public static TestJwks serve() {
        byte[] body = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TestJwks(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
