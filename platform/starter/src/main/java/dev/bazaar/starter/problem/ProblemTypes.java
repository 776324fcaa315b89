package dev.bazaar.starter.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/** Stable problem {@code type} URIs: one per kind of error, documented in the platform README. */
public final class ProblemTypes {

    public static final String BASE = "https://bazaar.dev/problems/";

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }

    /** The type for errors raised by the framework itself, which only know their status. */
    static URI forStatus(HttpStatusCode status) {
        return uri(
                switch (status.value()) {
                    case 400 -> "bad-request";
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 409 -> "conflict";
                    case 413 -> "payload-too-large";
                    case 415 -> "unsupported-media-type";
                    case 429 -> "too-many-requests";
                    case 503 -> "service-unavailable";
                    default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
                });
    }

    private ProblemTypes() {}
}
