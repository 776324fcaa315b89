package dev.bazaar.starter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bazaar.contracts.Money;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against a stand-in that answers item-service's bulk-get shape (cart-service's
 * integration tests run it against the real item-service).
 */
class ItemCatalogTests {

    static final String MUG = "00000000-0000-3000-8000-000000000001";
    static final String GONE = "00000000-0000-3000-8000-000000000002";

    final JsonMapper json = JsonMapper.builder().build();
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void foundItemsComeBackByIdWithPriceActiveAndSupplierAndUnknownOnesAreAbsent() throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        URI url = serve(200, """
                {"items":[{"itemId":"%s","title":"Mug","price":{"minor":49900,"currency":"INR"},"active":false,
                  "supplierId":"acme"}],
                 "missing":["%s"]}""".formatted(MUG, GONE), asked);

        Map<String, CatalogItem> found =
                new ItemCatalog(url, Duration.ofSeconds(5), json).find(List.of(MUG, GONE, MUG));

        assertThat(found).containsOnlyKeys(MUG);
        assertThat(found.get(MUG)).isEqualTo(new CatalogItem(MUG, "Mug", Money.inr(49_900), false, "acme"));
        // Duplicates are sent once.
        assertThat(json.readTree(asked.get()).path("ids").size()).isEqualTo(2);
    }

    @Test
    void anErrorAnswerOrNoServerIsA503Problem() throws Exception {
        URI failing = serve(500, "{}", new AtomicReference<>());
        assertUnavailable(new ItemCatalog(failing, Duration.ofSeconds(5), json));

        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertUnavailable(new ItemCatalog(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5), json));
    }

    /**
     * A keep-alive connection the server closes just as the next bulk-get goes out on it (what
     * item-service's Tomcat does to one idle for 60 s): the read is sent again on a new connection.
     */
    @Test
    void aBulkGetOnAConnectionTheServerClosedIsSentAgain() throws Exception {
        byte[] answer = ("{\"items\":[{\"itemId\":\"" + MUG
                        + "\",\"title\":\"Mug\",\"price\":{\"minor\":49900,\"currency\":\"INR\"},\"active\":true}]}")
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = listener.accept();
                        boolean first = connections.incrementAndGet() == 1;
                        new Thread(() -> answerThenMaybeClose(socket, answer, first)).start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            serving.setDaemon(true);
            serving.start();
            ItemCatalog catalog = new ItemCatalog(
                    URI.create("http://127.0.0.1:" + listener.getLocalPort()), Duration.ofSeconds(5), json);

            assertThat(catalog.find(List.of(MUG))).containsOnlyKeys(MUG);
            // Goes out on the first connection, which the server closes without answering.
            assertThat(catalog.find(List.of(MUG))).containsOnlyKeys(MUG);
            assertThat(connections).hasValue(2);
        }
    }

    /** Answers one request; on the first connection, then reads the next and closes without answering. */
    private static void answerThenMaybeClose(Socket socket, byte[] answer, boolean closeAfterOne) {
        try (socket) {
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            for (int request = 1; ; request++) {
                if (!readRequest(in)) {
                    return;
                }
                if (closeAfterOne && request == 2) {
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads one request (headers, then a Content-Length body); false at the end of the stream. */
    private static boolean readRequest(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.append((char) b);
        }
        var length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return true;
    }

    private static void assertUnavailable(ItemCatalog catalog) {
        assertThatThrownBy(() -> catalog.find(List.of(MUG)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(503));
    }

    private URI serve(int status, String body, AtomicReference<String> asked) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/items/bulk-get", exchange -> {
            asked.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
