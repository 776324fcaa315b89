package dev.bazaar.gateway.problem;

import dev.bazaar.starter.problem.ProblemTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems with the platform's stable {@code type} URIs. The gateway answers some
 * errors itself (401/403, 429, 503/504, 404 for unknown routes) and they must look exactly like the
 * problems the servlet services produce through bazaar-starter.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return write(exchange.getResponse(), exchange.getRequest().getPath().value(), status, slug, detail);
    }

    /** For callers holding a decorated response that must be written to directly. */
    public Mono<Void> write(
            ServerHttpResponse response, String instance, HttpStatus status, String slug, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.uri(slug).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
