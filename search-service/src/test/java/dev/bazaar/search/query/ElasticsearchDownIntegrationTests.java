package dev.bazaar.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.search.support.SearchApi;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Elasticsearch unreachable (a closed port): searches and suggestions answer 503 problems, not 500. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers(LocalServer.KAFKA)
class ElasticsearchDownIntegrationTests {

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + port);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void searchAndSuggestAnswer503WithRetryAfter() {
        SearchApi api = new SearchApi(mvc);
        for (SearchApi.Answer answer : new SearchApi.Answer[] {api.search("q", "kurta"), api.suggest("q", "kur")}) {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.raw().getContentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("type").stringValue())
                    .isEqualTo("https://bazaar.dev/problems/search-unavailable");
            assertThat(answer.raw().getHeader("Retry-After")).isEqualTo("5");
        }
    }
}
