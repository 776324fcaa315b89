package dev.bazaar.search.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls {@code /api/search} through MockMvc (the whole filter chain, security included) and reads JSON. */
public final class SearchApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    public SearchApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public record Answer(int status, JsonNode body, MockHttpServletResponse raw) {

        public List<String> itemIds() {
            List<String> ids = new ArrayList<>();
            body.path("items").forEach(item -> ids.add(item.path("itemId").stringValue()));
            return ids;
        }

        public List<String> titles() {
            List<String> titles = new ArrayList<>();
            body.path("items").forEach(item -> titles.add(item.path("title").stringValue()));
            return titles;
        }

        public long total() {
            return body.path("total").longValue();
        }
    }

    public Answer search(String... params) {
        return call(request("/api/search", params));
    }

    public Answer searchAs(String authorization, String... params) {
        return call(request("/api/search", params).header(HttpHeaders.AUTHORIZATION, authorization));
    }

    public Answer suggest(String... params) {
        return call(request("/api/search/suggest", params));
    }

    public MockHttpServletRequestBuilder request(String path, String... params) {
        MockHttpServletRequestBuilder request = get(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    public Answer call(MockHttpServletRequestBuilder request) {
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String body = response.getContentAsString();
            return new Answer(
                    response.getStatus(), body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
