package dev.bazaar.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Elasticsearch calls and turns their failures into the problems a shopper should see. */
public final class IndexCalls {

    private static final Logger log = LoggerFactory.getLogger(IndexCalls.class);

    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /**
     * @param cursorGiven a 400 from Elasticsearch while a client's {@code after} cursor is in the
     *        request means the cursor's values do not fit this sort: the client's fault
     */
    public static <T> T run(Call<T> call, boolean cursorGiven) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw failed(e.status(), e.getMessage(), cursorGiven, e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (RuntimeException e) {
            // The transport wraps a missed deadline in a plain RuntimeException.
            if (e.getCause() instanceof IOException || e.getCause() instanceof TimeoutException) {
                throw unreachable(e.getCause());
            }
            throw e;
        }
    }

    /**
     * Sends {@code searches} as one {@code _msearch} and returns their answers in order; a search
     * that failed fails the whole call, as it would have on its own.
     */
    public static <T> List<MultiSearchItem<T>> search(
            ElasticsearchClient elasticsearch,
            List<RequestItem> searches,
            Class<T> documentClass,
            boolean cursorGiven) {
        MsearchResponse<T> response =
                run(() -> elasticsearch.msearch(m -> m.searches(searches), documentClass), cursorGiven);
        List<MultiSearchItem<T>> answers = new ArrayList<>();
        for (MultiSearchResponseItem<T> item : response.responses()) {
            if (item.isFailure()) {
                var failure = item.failure();
                throw failed(
                        failure.status(),
                        failure.error().type() + ": " + failure.error().reason(),
                        cursorGiven,
                        null);
            }
            answers.add(item.result());
        }
        return answers;
    }

    private static RuntimeException failed(int status, String message, boolean cursorGiven, RuntimeException cause) {
        if (status == 400 && cursorGiven) {
            return ApiProblem.badRequest(
                    "invalid-cursor", "The 'after' cursor does not fit this search; " + "start again without it");
        }
        if (status == 404 || status == 429 || status >= 500) {
            log.warn("Elasticsearch answered {}: {}", status, message);
            return new SearchUnavailable("Search is temporarily unavailable; please retry shortly.");
        }
        return cause != null ? cause : new IllegalStateException("Elasticsearch answered " + status + ": " + message);
    }

    private static SearchUnavailable unreachable(Throwable e) {
        log.warn("Elasticsearch unreachable: {}", e.toString());
        return new SearchUnavailable("Search is temporarily unavailable; please retry shortly.");
    }

    private IndexCalls() {}
}
