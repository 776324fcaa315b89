package dev.bazaar.starter.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a service reports on purpose, rendered as RFC 9457 problem+json with a stable type, so
 * clients can branch on {@code type} rather than parse the human-readable {@code detail}.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String typeSlug, String title, String detail) {
        super(status, problem(status, typeSlug, title, detail), null);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " '" + id + "' does not exist");
    }

    public static ApiProblem badRequest(String typeSlug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, typeSlug, "Bad request", detail);
    }

    public static ApiProblem conflict(String typeSlug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, typeSlug, "Conflict", detail);
    }

    /** Adds a machine-readable property, e.g. the current version on an optimistic-lock conflict. */
    public ApiProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, String typeSlug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(typeSlug));
        problem.setTitle(title);
        return problem;
    }
}
