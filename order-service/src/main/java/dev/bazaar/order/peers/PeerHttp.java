package dev.bazaar.order.peers;

import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to one peer service, with a timeout per call. A peer that does not answer (refused, timed
 * out) is a 503 problem {@code <peer>-unavailable}: an order is never taken on a guess. Every other answer,
 * error statuses included, goes back to the caller, which knows what each means.
 */
public final class PeerHttp {

    /** A peer's answer: its status and its body (a missing node when it had none). */
    public record Answer(int status, JsonNode body) {

        public boolean is(int expected) {
            return status == expected;
        }

        /** The problem type's slug of an error answer ({@code insufficient-stock}), empty when it has none. */
        public String problemType() {
            String type = body.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    private final String peer;
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;

    public PeerHttp(String peer, URI base, Duration timeout, JsonMapper json) {
        this.peer = peer;
        this.base = base;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    public Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Answer post(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    /** A 503 problem naming this peer, for an answer the caller cannot use. */
    public ApiProblem unavailable(String reason) {
        return new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        peer + "-unavailable",
                        "Service unavailable",
                        peer + " could not answer; nothing was charged, try again shortly")
                .with("reason", reason);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        JsonNode body = response.body().length == 0 ? MissingNode.getInstance() : readOrMissing(response.body());
        return new Answer(response.statusCode(), body);
    }

    private JsonNode readOrMissing(byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
