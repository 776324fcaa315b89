package dev.bazaar.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shopper's search ({@code GET /api/search}, public), used to tell when search-consumer has
 * indexed the demo catalogue: it indexes from Kafka after item-service, so an import that has
 * finished is not yet searchable.
 */
final class ShopSearch {

    /** search-service takes at most this many values of one filter. */
    static final int MAX_BRANDS_PER_QUERY = 20;

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ShopSearch(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Polls until at least {@code expected} items of these brands are listed, or the timeout passes.
     * @return how many were listed at the last look
     */
    long awaitListed(List<String> brands, long expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long listed = listed(brands);
        while (listed < expected && Instant.now().isBefore(deadline)) {
            pause();
            listed = listed(brands);
        }
        return listed;
    }

    /** Listed items of these brands (case-insensitive), or 0 while search does not answer. */
    long listed(List<String> brands) {
        long total = 0;
        for (int from = 0; from < brands.size(); from += MAX_BRANDS_PER_QUERY) {
            StringBuilder query = new StringBuilder("size=1");
            for (String brand : brands.subList(from, Math.min(brands.size(), from + MAX_BRANDS_PER_QUERY))) {
                query.append("&brand=").append(encode(brand));
            }
            Optional<JsonNode> answer = search(query.toString());
            if (answer.isEmpty()) {
                return 0;
            }
            total += answer.get().path("total").asLong();
        }
        return total;
    }

    /**
     * The first page of items of (the first {@value #MAX_BRANDS_PER_QUERY} of) these brands as a
     * shopper at {@code pincode} sees it: each with its delivery, the undeliverable ones hidden.
     */
    Optional<JsonNode> atPincode(List<String> brands, String pincode) {
        StringBuilder query = new StringBuilder("size=20&pincode=").append(pincode);
        for (String brand : brands.subList(0, Math.min(brands.size(), MAX_BRANDS_PER_QUERY))) {
            query.append("&brand=").append(encode(brand));
        }
        return search(query.toString());
    }

    /** The first hit for a shopper's text, if search answers and finds anything. */
    Optional<JsonNode> firstHit(String text) {
        return search("size=1&q=" + encode(text))
                .map(answer -> answer.path("items").path(0))
                .filter(item -> !item.isMissingNode());
    }

    private Optional<JsonNode> search(String query) {
        // One session id for all of the loader's searches: they are not a shopper's.
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/search?" + query))
                .header("X-Session-Id", "bazaar-demo-loader")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // 503/504 while Elasticsearch or a cold search-service is not ready yet: ask again later.
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for search", e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for search", e);
        }
    }

    static List<String> brandsOf(List<DemoItem> items) {
        List<String> brands = new ArrayList<>();
        items.stream().map(DemoItem::brand).distinct().sorted().forEach(brands::add);
        return brands;
    }
}
