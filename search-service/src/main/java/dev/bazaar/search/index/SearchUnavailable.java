package dev.bazaar.search.index;

import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Elasticsearch is down, overloaded or has no index yet: the shopper should retry, so 503 with
 * Retry-After rather than the generic 500.
 */
final class SearchUnavailable extends ApiProblem {

    public SearchUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable", detail);
        getHeaders().set("Retry-After", "5");
    }
}
