package dev.bazaar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network fault between a service and the peer it calls, for the one failure a timeout or a
 * stopped peer cannot show: the peer did the work, but its answer never arrived. Every request is
 * passed on to the peer as sent; after {@link #loseNextAnswers}, that many answers are cut off
 * (headers promising a body, then the connection closed), so the caller sees an I/O error for a
 * request the peer has already carried out. A peer that cannot be reached is a 502.
 */
public final class AnswerLosingProxy implements AutoCloseable {

    /** Headers Java's HTTP client sets itself and refuses to be given. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final URI peer;
    private final HttpServer server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger toLose = new AtomicInteger();

    private AnswerLosingProxy(URI peer) throws IOException {
        this.peer = peer;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::pass);
        server.start();
    }

    /** A proxy on a free local port in front of {@code peerBaseUrl}. */
    public static AnswerLosingProxy to(String peerBaseUrl) throws IOException {
        return new AnswerLosingProxy(URI.create(peerBaseUrl));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} requests reach the peer; their answers are lost on the way back. */
    public void loseNextAnswers(int count) {
        toLose.set(count);
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            peer.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30));
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // The peer has done it; promise a body and close before any of it: the caller reads an EOF.
                exchange.sendResponseHeaders(answer.statusCode(), Math.max(1, answer.body().length));
                throw new IOException("answer lost on purpose"); // the server closes the connection
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                        && !name.equalsIgnoreCase("transfer-encoding")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
