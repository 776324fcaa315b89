package dev.bazaar.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one Elasticsearch call and turns its failures into the problems a shopper should see. */
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
            int status = e.status();
            if (status == 400 && cursorGiven) {
                throw ApiProblem.badRequest("invalid-cursor", "The 'after' cursor does not fit this search; "
                        + "start again without it");
            }
            if (status == 404 || status == 429 || status >= 500) {
                log.warn("Elasticsearch answered {}: {}", status, e.getMessage());
                throw new SearchUnavailable("Search is temporarily unavailable; please retry shortly.");
            }
            throw e;
        } catch (IOException e) {
            log.warn("Elasticsearch unreachable: {}", e.toString());
            throw new SearchUnavailable("Search is temporarily unavailable; please retry shortly.");
        }
    }

    private IndexCalls() {
    }
}
