package dev.bazaar.bench.gateway;

import java.io.IOException;
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
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway overhead: {@code GET /api/users/me} through the gateway and directly on user-service, in the
 * same run, with the same 50 concurrent clients (each with its own user, token and rate-limit bucket).
 * Two measurements:
 * <ol>
 * <li><b>Paced</b> (the verdict): every client sends at its own fixed pace, {@code --rate} requests/s in
 * all, in {@code --slice}-second slices that alternate between the two paths until each has had
 * {@code --seconds}. A request's latency counts from the moment it was due, so a stall is not hidden
 * (no coordinated omission). Prints p50/p99 of both, the p50 ratio (target: at most 1.3) and, from
 * user-service's own request timer, the p99 inside the service over the same minutes (target: at most
 * 5 ms), checking from its cache counters that those reads were cache hits.</li>
 * <li><b>Saturated</b>: every client sends back to back. The latency is then queueing for the shared
 * CPU, so the ratio says how much CPU a request costs on each path, not what the hop adds; printed
 * with the throughput of each path for comparison.</li>
 * </ol>
 *
 * <p>{@code ./bazaar bench gateway [--clients=50] [--rate=250] [--seconds=60] [--slice=5]
 * [--requests=8000] [--warmup=20000] [--gateway=http://127.0.0.1:8080] [--direct=http://127.0.0.1:8081]}.
 */
public final class GatewayBenchmark {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ME = "/api/users/me";
    private static final double TARGET_RATIO = 1.3;
    private static final double TARGET_SERVICE_P99_MS = 5;

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
        int rate = intOption("rate", 250);
        int seconds = intOption("seconds", 60);
        int slice = intOption("slice", 5);
        int requests = intOption("requests", 8_000);
        // 4,000 left the gateway still compiling: the first run after a start measured 5–8×, the next one 1.9×.
        int warmup = intOption("warmup", 20_000);
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        String direct = options.getOrDefault("direct", "http://127.0.0.1:8081");

        System.out.printf("gateway benchmark: GET %s, %d concurrent clients%n", ME, clients);
        List<String> tokens = signUp(direct, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            saturated(pool, tokens, direct + ME, warmup / 2);
            saturated(pool, tokens, gateway + ME, warmup / 2);
            failures.set(0);

            System.out.printf(
                    "%npaced: %d req/s in all (each client every %.0f ms), %d s slices alternating, %d s each way%n",
                    rate, 1000.0 * clients / rate, slice, seconds);
            ServiceTimer before = ServiceTimer.read(http, direct);
            long[][] paced = paced(pool, tokens, direct + ME, gateway + ME, rate, seconds, slice);
            ServiceTimer inService = ServiceTimer.read(http, direct).since(before);
            reportPaced(paced[0], paced[1], inService);

            System.out.printf("%nsaturated: every client back to back, %d requests each way%n", requests);
            before = ServiceTimer.read(http, direct);
            long started = System.nanoTime();
            long[] directSaturated = saturated(pool, tokens, direct + ME, requests);
            double directSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            long[] gatewaySaturated = saturated(pool, tokens, gateway + ME, requests);
            double gatewaySeconds = (System.nanoTime() - started) / 1e9;
            reportSaturated(
                    directSaturated,
                    directSeconds,
                    gatewaySaturated,
                    gatewaySeconds,
                    ServiceTimer.read(http, direct).since(before));
            if (failures.get() > 0) {
                System.out.printf("warning: %d responses were not 200, the first: %s%n", failures.get(), firstFailure);
            }
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
            String registration =
                    "{\"email\":\"" + email + "\",\"password\":\"bench-Passw0rd!\",\"name\":\"Bench " + i + "\"}";
            HttpResponse<String> registered = post(direct + "/api/users/register", registration);
            if (registered.statusCode() >= 300 && registered.statusCode() != 409) {
                throw new IllegalStateException(
                        "register failed: " + registered.statusCode() + " " + registered.body());
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

    /**
     * Each client sends one request every {@code clients / rate} seconds (the clients staggered
     * evenly), to {@code first} in even slices and {@code second} in odd ones, until each path has
     * had {@code seconds}. Returns the latencies of both paths, each counted from when the request
     * was due.
     */
    private long[][] paced(
            ExecutorService pool, List<String> tokens, String first, String second, int rate, int seconds, int slice)
            throws Exception {
        int clients = tokens.size();
        long interval = 1_000_000_000L * clients / rate;
        long sliceNanos = slice * 1_000_000_000L;
        int slices = 2 * Math.max(1, seconds / slice);
        long t0 = System.nanoTime() + 200_000_000L;
        long end = t0 + slices * sliceNanos;
        List<Future<long[][]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c);
            long offset = interval * c / clients;
            results.add(pool.submit(() -> {
                LongList firstNanos = new LongList();
                LongList secondNanos = new LongList();
                for (long due = t0 + offset; due < end; due += interval) {
                    sleepUntil(due);
                    boolean odd = (due - t0) / sliceNanos % 2 == 1;
                    call(odd ? second : first, token);
                    (odd ? secondNanos : firstNanos).add(System.nanoTime() - due);
                }
                return new long[][] {firstNanos.toArray(), secondNanos.toArray()};
            }));
        }
        List<long[]> firstAll = new ArrayList<>();
        List<long[]> secondAll = new ArrayList<>();
        for (Future<long[][]> result : results) {
            long[][] both = result.get();
            firstAll.add(both[0]);
            secondAll.add(both[1]);
        }
        return new long[][] {merge(firstAll), merge(secondAll)};
    }

    /** Every client sends its share of {@code total} requests back to back; returns the latencies in ns. */
    private long[] saturated(ExecutorService pool, List<String> tokens, String url, int total) throws Exception {
        int each = Math.max(1, total / tokens.size());
        List<Future<long[]>> results = new ArrayList<>();
        for (String token : tokens) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[each];
                for (int i = 0; i < each; i++) {
                    long start = System.nanoTime();
                    call(url, token);
                    latencies[i] = System.nanoTime() - start;
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

    private void call(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failed(url + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            failed(url + " -> " + e);
        }
    }

    private void failed(String what) {
        if (failures.incrementAndGet() == 1) {
            firstFailure = what;
        }
    }

    private void reportPaced(long[] direct, long[] gateway, ServiceTimer inService) {
        Arrays.sort(direct);
        Arrays.sort(gateway);
        double ratio = millis(percentile(gateway, 50)) / millis(percentile(direct, 50));
        print("direct (user-service)", direct);
        print(proxyLabel(), gateway);
        System.out.printf(
                "%s / direct at p50: %.2fx (target <= %.1fx): %s%n",
                proxyName(), ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "MET" : "NOT MET");
        double p99 = inService.p99Millis();
        System.out.printf(
                "inside user-service (its http.server.requests timer for %s, both paths): %d requests, "
                        + "p99 <= %.2f ms (histogram bucket), cache hits %d, misses %d%n",
                ME, inService.count(), p99, inService.hits(), inService.misses());
        System.out.printf(
                "cache-hit p99 inside the service (target <= %.0f ms): %s%n",
                TARGET_SERVICE_P99_MS, p99 <= TARGET_SERVICE_P99_MS && inService.misses() == 0 ? "MET" : "NOT MET");
    }

    private void reportSaturated(
            long[] direct, double directSeconds, long[] gateway, double gatewaySeconds, ServiceTimer inService) {
        Arrays.sort(direct);
        Arrays.sort(gateway);
        print("direct (user-service)", direct);
        System.out.printf("%28s %.0f req/s%n", "", direct.length / directSeconds);
        print(proxyLabel(), gateway);
        System.out.printf("%28s %.0f req/s%n", "", gateway.length / gatewaySeconds);
        System.out.printf(
                "%s / direct at p50, saturated: %.2fx (CPU per request, both paths and the driver on the "
                        + "same cores)%n",
                proxyName(), millis(percentile(gateway, 50)) / millis(percentile(direct, 50)));
        System.out.printf(
                "inside user-service, saturated: %d requests, p99 <= %.2f ms (histogram bucket), cache hits %d, "
                        + "misses %d%n",
                inService.count(), inService.p99Millis(), inService.hits(), inService.misses());
    }

    /** {@code --floor}: the "gateway" measured is {@link BareProxy}, started by {@code ./bazaar bench gateway --floor}. */
    private String proxyName() {
        return options.containsKey("floor") ? "bare Netty proxy" : "gateway";
    }

    private String proxyLabel() {
        return "through " + proxyName();
    }

    private static void print(String path, long[] sorted) {
        System.out.printf(
                "%-28s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (%d requests)%n",
                path,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]),
                sorted.length);
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

    private static void sleepUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    /** A growable list of longs: a client records thousands of latencies without boxing them. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
