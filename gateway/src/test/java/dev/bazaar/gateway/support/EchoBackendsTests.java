package dev.bazaar.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.HttpTestClient;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The extension's life cycle, without a gateway: up at the first address, routes registered, down after the class. */
class EchoBackendsTests {

    @Test
    void backendsAnswerFromTheFirstAddressUntilAfterAllAndNotAfterIt() {
        EchoBackends backends = EchoBackends.forEveryRoute();
        String items = backends.uri("items");

        var echo = new HttpTestClient(items).get("/api/items/1?x=2", "X-Test", "yes");
        assertThat(echo.status()).isEqualTo(200);
        assertThat(echo.jsonMap())
                .containsEntry("backend", "items")
                .containsEntry("path", "/api/items/1")
                .containsEntry("query", "x=2");
        assertThat(EchoBackends.receivedHeader(echo, "X-Test")).isEqualTo("yes");
        assertThat(new HttpTestClient(backends.uri("users"))
                        .get("/.well-known/jwks.json")
                        .json()
                        .path("keys")
                        .size())
                .isEqualTo(1);

        backends.afterAll(null);
        // Stopped: nothing listens any more (a pooled keep-alive connection is not the test).
        int port = URI.create(items).getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> backends.uri("items")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRoutesSpringReadsStartTheBackendsOnceAndLeaveTheUnroutedOnesOut() {
        EchoBackends backends = EchoBackends.except("users");
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        backends.register(properties::put);

        assertThat(properties)
                .doesNotContainKey("bazaar.gateway.routes.users")
                .containsKeys(
                        "bazaar.gateway.routes.items",
                        "bazaar.gateway.routes.search-consumer",
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        String search = (String) properties.get("bazaar.gateway.routes.search").get();
        try {
            assertThat(new HttpTestClient(search).get("/api/search?q=kurta").jsonMap())
                    .containsEntry("backend", "search");
            assertThat(properties.get("bazaar.gateway.routes.search").get())
                    .as("started once")
                    .isEqualTo(search);
            assertThat((String) properties
                            .get("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                            .get())
                    .isEqualTo(backends.uri("users") + "/.well-known/jwks.json");
        } finally {
            backends.afterAll(null);
        }
    }
}
