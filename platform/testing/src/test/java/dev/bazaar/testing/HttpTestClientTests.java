package dev.bazaar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every test's requests rely on, against a real HTTP server that answers with what it received. */
class HttpTestClientTests {

    static HttpServer server;
    static HttpTestClient client;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            Map<String, Object> echo = new TreeMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().toString());
            echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("trace", exchange.getRequestHeaders().get("X-Trace"));
            echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = HttpTestClient.JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Answer", "first");
            exchange.getResponseHeaders().add("X-Answer", "second");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/text", exchange -> {
            byte[] answer = "not json".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        client = HttpTestClient.local(server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aJsonBodyIsWrittenByJacksonAndTheAnswerReadsAsJson() {
        var response = client.post("/echo?x=1", Map.of("name", "Kurta", "sizes", List.of("S", "M")));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.text("method")).isEqualTo("POST");
        assertThat(response.text("path")).isEqualTo("/echo?x=1");
        assertThat(response.text("contentType")).isEqualTo("application/json");
        assertThat(HttpTestClient.JSON.readTree(response.text("body")))
                .isEqualTo(HttpTestClient.JSON.readTree("{\"name\":\"Kurta\",\"sizes\":[\"S\",\"M\"]}"));
        assertThat(response.jsonMap()).containsEntry("method", "POST");
    }

    @Test
    void aStringBodyIsSentAsWrittenAndNoBodyMeansNoContentType() {
        assertThat(client.put("/echo", "{not json").text("body")).isEqualTo("{not json");
        var empty = client.sendJson("DELETE", "/echo", null);
        assertThat(empty.text("method")).isEqualTo("DELETE");
        assertThat(empty.json().path("contentType").isNull()).isTrue();
        assertThat(empty.text("body")).isEmpty();
    }

    @Test
    void headersComeFromTheClientCopyAndFromTheRequestInThatOrder() {
        HttpTestClient signedIn = client.withBearer("token-1").withHeader("X-Trace", "from-client");
        var response = signedIn.get("/echo", "X-Trace", "from-request");

        assertThat(response.text("authorization")).isEqualTo("Bearer token-1");
        assertThat(response.json().path("trace").toString()).isEqualTo("[\"from-client\",\"from-request\"]");
        assertThat(client.get("/echo").json().path("authorization").isNull())
                .as("the original is unchanged")
                .isTrue();
        assertThatThrownBy(() -> client.get("/echo", "X-Trace")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyBodyWithItsContentType() {
        var response = client.send("POST", "/echo", "text/csv", BodyPublishers.ofString("a,b\n1,2\n"));
        assertThat(response.text("contentType")).isEqualTo("text/csv");
        assertThat(response.text("body")).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void responseHeadersAndANonJsonBodyStayReadable() {
        assertThat(client.get("/echo").header("X-Answer")).isEqualTo("first");
        assertThat(client.get("/echo").headers().allValues("X-Answer")).containsExactly("first", "second");
        var text = client.get("/text");
        assertThat(text.status()).isEqualTo(503);
        assertThat(text.body()).isEqualTo("not json");
        assertThat(text.json().isNull()).isTrue();
        assertThat(text.text("anything")).isEmpty();
        assertThat(text.header("X-Missing")).isNull();
        assertThat(text.contentType()).isEmpty();
    }
}
