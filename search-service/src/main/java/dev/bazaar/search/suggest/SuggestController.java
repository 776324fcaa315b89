package dev.bazaar.search.suggest;

import dev.bazaar.starter.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search/suggest?q=&size=} → {@code {q, suggestions:[…]}}. Public. */
@RestController
class SuggestController {

    static final int MAX_PREFIX = 100;
    static final int MAX_SIZE = 20;

    private final Suggestions suggestions;
    private final MeterRegistry meters;

    SuggestController(Suggestions suggestions, MeterRegistry meters) {
        this.suggestions = suggestions;
        this.meters = meters;
    }

    record SuggestAnswer(String q, List<String> suggestions) {}

    @GetMapping("/api/search/suggest")
    SuggestAnswer suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String size) {
        String prefix = q == null ? "" : q.strip();
        if (prefix.isEmpty()) {
            throw ApiProblem.badRequest("missing-query", "q is required: the text typed so far");
        }
        if (prefix.length() > MAX_PREFIX) {
            throw ApiProblem.badRequest("query-too-long", "q may hold at most " + MAX_PREFIX + " characters")
                    .with("maxLength", MAX_PREFIX);
        }
        int count = parseSize(size);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            SuggestAnswer answer = new SuggestAnswer(prefix, suggestions.suggest(prefix, count));
            outcome = "ok";
            return answer;
        } finally {
            sample.stop(meters.timer("bazaar.search.latency", "endpoint", "suggest", "outcome", outcome));
        }
    }

    private static int parseSize(String size) {
        if (size == null || size.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-size", "size must be between 1 and " + MAX_SIZE)
                .with("maxSize", MAX_SIZE);
    }
}
