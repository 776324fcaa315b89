package dev.bazaar.bench.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What user-service itself measured of {@code GET /api/users/me}: the buckets of its
 * {@code http.server.requests} histogram (answers 200 only) and its cache counters, read from
 * {@code /actuator/prometheus}. Two readings subtracted give the requests in between.
 *
 * @param buckets cumulative count per upper bound in seconds ({@code le})
 */
record ServiceTimer(TreeMap<Double, Long> buckets, long hits, long misses) {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static ServiceTimer read(HttpClient http, String service) throws Exception {
        String text = http.send(
                        HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        TreeMap<Double, Long> buckets = new TreeMap<>();
        long hits = 0;
        long misses = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = labels(sample.group(2));
            long value = (long) Double.parseDouble(sample.group(3));
            switch (sample.group(1)) {
                case "http_server_requests_seconds_bucket" -> {
                    if ("/api/users/me".equals(labels.get("uri"))
                            && "GET".equals(labels.get("method"))
                            && "200".equals(labels.get("status"))) {
                        buckets.merge(bound(labels.get("le")), value, Long::sum);
                    }
                }
                case "users_cache_requests_total" -> {
                    if ("hit".equals(labels.get("result"))) {
                        hits += value;
                    } else if ("miss".equals(labels.get("result"))) {
                        misses += value;
                    }
                }
                default -> {}
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("user-service publishes no http.server.requests histogram for "
                    + "/api/users/me (management.metrics.distribution.percentiles-histogram.http.server.requests)");
        }
        return new ServiceTimer(buckets, hits, misses);
    }

    ServiceTimer since(ServiceTimer earlier) {
        TreeMap<Double, Long> delta = new TreeMap<>();
        buckets.forEach((le, count) -> delta.put(le, count - earlier.buckets.getOrDefault(le, 0L)));
        return new ServiceTimer(delta, hits - earlier.hits, misses - earlier.misses);
    }

    long count() {
        return buckets.lastEntry().getValue(); // the +Inf bucket
    }

    /** The upper bound of the bucket holding the 99th percentile, in ms: the p99 is at most this. */
    double p99Millis() {
        long wanted = (long) Math.ceil(0.99 * count());
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double bound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }
}
