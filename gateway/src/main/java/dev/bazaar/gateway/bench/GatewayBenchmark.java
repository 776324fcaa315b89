package dev.bazaar.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway overhead: {@code GET /api/users/me} through the gateway and directly on user-service, in the
 * same run, with the same concurrent clients, alternating rounds so that drift on a shared machine
 * hits both sides alike. Prints p50/p99 of both and the p50 ratio (target: at most 1.3).
 *
 * <p>Run against the running platform ({@code ./bazaar up}): {@code ./bazaar bench gateway
 * [--clients=50] [--requests=20000] [--warmup=4000] [--rounds=4] [--gateway=http://127.0.0.1:8080]
 * [--direct=http://127.0.0.1:8081]}. Each client signs up its own bench user directly on user-service,
 * so every client draws from its own rate-limit bucket, as real users do.
 */
public final class GatewayBenchmark {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final double TARGET_RATIO = 1.3;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> options;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String firstFailure;

    private GatewayBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        new GatewayBenchmark(options).run();
    }

    private void run() throws Exception {
        int clients = intOption("clients", 50);
        int requests = intOption("requests", 20_000);
        int warmup = intOption("warmup", 4_000);
        int rounds = intOption("rounds", 4);
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        String direct = options.getOrDefault("direct", "http://127.0.0.1:8081");

        System.out.printf("gateway benchmark: GET /api/users/me, %d clients, %d requests each way (%d rounds), %d warm-up%n",
                clients, requests, rounds, warmup);
        List<String> tokens = signUp(direct, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            measure(pool, tokens, direct + "/api/users/me", warmup / 2);
            measure(pool, tokens, gateway + "/api/users/me", warmup / 2);
            failures.set(0);
            List<long[]> directRuns = new ArrayList<>();
            List<long[]> gatewayRuns = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                directRuns.add(measure(pool, tokens, direct + "/api/users/me", requests / rounds));
                gatewayRuns.add(measure(pool, tokens, gateway + "/api/users/me", requests / rounds));
            }
            report(merge(directRuns), merge(gatewayRuns));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One bench user per client, registered and logged in directly on user-service. */
    private List<String> signUp(String direct, int clients) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String email = "bench-" + run + "-" + i + "@bench.bazaar.dev";
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"bench-Passw0rd!\"}";
            String registration = "{\"email\":\"" + email + "\",\"password\":\"bench-Passw0rd!\",\"name\":\"Bench " + i + "\"}";
            HttpResponse<String> registered = post(direct + "/api/users/register", registration);
            if (registered.statusCode() >= 300 && registered.statusCode() != 409) {
                throw new IllegalStateException("register failed: " + registered.statusCode() + " " + registered.body());
            }
            HttpResponse<String> login = post(direct + "/api/users/login", credentials);
            Matcher token = ACCESS_TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
            }
            tokens.add(token.group(1));
        }
        return tokens;
    }

    /** Every client sends its share of {@code total} requests back to back; returns the latencies in ns. */
    private long[] measure(ExecutorService pool, List<String> tokens, String url, int total) throws Exception {
        int clients = tokens.size();
        int each = Math.max(1, total / clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (String token : tokens) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .GET().build();
            results.add(pool.submit(() -> {
                long[] latencies = new long[each];
                for (int i = 0; i < each; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200 && failures.incrementAndGet() == 1) {
                        firstFailure = url + " -> " + response.statusCode() + " " + response.body();
                    }
                }
                return latencies;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        return merge(all);
    }

    private void report(long[] direct, long[] gateway) {
        Arrays.sort(direct);
        Arrays.sort(gateway);
        double directP50 = millis(percentile(direct, 50));
        double gatewayP50 = millis(percentile(gateway, 50));
        double ratio = gatewayP50 / directP50;
        System.out.printf("%-28s p50 %7.2f ms   p99 %7.2f ms   (%d requests)%n", "direct (user-service)",
                directP50, millis(percentile(direct, 99)), direct.length);
        System.out.printf("%-28s p50 %7.2f ms   p99 %7.2f ms   (%d requests)%n", "through gateway",
                gatewayP50, millis(percentile(gateway, 99)), gateway.length);
        System.out.printf("gateway / direct at p50: %.2fx (target <= %.1fx): %s%n", ratio, TARGET_RATIO,
                ratio <= TARGET_RATIO ? "PASS" : "FAIL");
        if (failures.get() > 0) {
            System.out.printf("warning: %d responses were not 200, the first: %s%n", failures.get(), firstFailure);
        }
    }

    private static long[] merge(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }
}
