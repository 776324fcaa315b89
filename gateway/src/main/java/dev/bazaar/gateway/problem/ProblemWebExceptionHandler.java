package dev.bazaar.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises (no route: 404, a gateway-level 413, anything unexpected)
 * becomes problem+json. Ordered before Boot's default handler (-1), which renders its own JSON shape.
 * Stack traces and exception messages stay in the log.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemWriter problems;

    ProblemWebExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatus status = HttpStatus.resolve(statusError.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                return problems.write(exchange, status, slug(status), detail(status, statusError));
            }
            if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT) {
                return problems.write(exchange, status, slug(status), "The service behind this path did not answer.");
            }
        }
        log.error(
                "Unexpected error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error);
        return problems.write(
                exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred.");
    }

    private static String detail(HttpStatus status, ResponseStatusException error) {
        if (status == HttpStatus.NOT_FOUND) {
            return "No API route matches this path.";
        }
        return error.getReason() != null ? error.getReason() : status.getReasonPhrase();
    }

    static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            case GATEWAY_TIMEOUT -> "gateway-timeout";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }
}
