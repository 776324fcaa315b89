package dev.bazaar.user.profile;

import dev.bazaar.user.UserServiceApplication;
import dev.bazaar.user.cache.UserChanges;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bazaar bench users [--clients=50] [--requests=400]}: starts user-service in this JVM
 * (database {@code users_bench}, its own Redis key prefix) on the local MariaDB and Redis, then
 * measures {@code GET /api/users/me} over HTTP with 50 concurrent clients, each its own user:
 * <ol>
 * <li>cache hit (the normal path),</li>
 * <li>baseline in the same run: the key deleted before each request (not timed), so every request
 * takes the miss path: Redis miss, MariaDB read, Redis set,</li>
 * </ol>
 * and the same two paths inside the service without HTTP ({@code UserViews.find} against
 * {@code UserViews.loadFromDatabase}), with the same 50 threads.
 */
public final class UserCacheBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int clients = intArg(args, "--clients=", 50);
        int requests = intArg(args, "--requests=", 400);
        String mariadb = env("BAZAAR_MARIADB_HOST", "127.0.0.1") + ":" + env("BAZAAR_MARIADB_PORT", "13306");
        // Command-line arguments: they outrank the service's application.yml (default properties did not:
        // the benchmark then ran on port 8081 and the database `users`, and failed beside a running user-service).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UserServiceApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://" + mariadb
                                + "/users_bench?createDatabaseIfNotExist=true",
                        "--spring.datasource.hikari.maximum-pool-size=10",
                        "--bazaar.users.demo.enabled=false",
                        "--bazaar.users.password.bcrypt-strength=4",
                        "--bazaar.redis.key-prefix=bench:",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=",
                        "--management.tracing.sampling.probability=0.0");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            new UserCacheBenchmark(app, port, clients, requests).run();
        } finally {
            app.close();
        }
    }

    private final ConfigurableApplicationContext app;
    private final String base;
    private final int clients;
    private final int requests;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private UserCacheBenchmark(ConfigurableApplicationContext app, int port, int clients, int requests) {
        this.app = app;
        this.base = "http://127.0.0.1:" + port;
        this.clients = clients;
        this.requests = requests;
    }

    private void run() throws Exception {
        System.out.printf(
                "user-service cache benchmark: %d concurrent clients x %d requests, %d cores%n",
                clients, requests, Runtime.getRuntime().availableProcessors());
        List<String[]> users = new ArrayList<>(); // {userId, token}
        for (int i = 0; i < clients; i++) {
            users.add(registerAndLogin());
        }
        StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
        UserViews views = app.getBean(UserViews.class);

        measure(users, c -> getMe(users.get(c)), null); // warm-up: JIT, connections, cache filled
        double[] hit = measure(users, c -> getMe(users.get(c)), null);
        double[] miss = measure(
                users, c -> getMe(users.get(c)), c -> redis.delete("bench:" + UserChanges.key(users.get(c)[0])));
        measure(users, c -> views.find(users.get(c)[0]), null);
        double[] inHit = measure(users, c -> views.find(users.get(c)[0]), null);
        double[] inDb = measure(users, c -> views.loadFromDatabase(users.get(c)[0]), null);

        System.out.println();
        System.out.printf("%-58s %9s %9s %9s%n", "GET /api/users/me", "p50 ms", "p99 ms", "max ms");
        print("HTTP, cache hit", hit);
        print("HTTP, baseline: cache miss -> MariaDB read -> Redis set", miss);
        print("in service (UserViews.find), cache hit", inHit);
        print("in service (UserViews.loadFromDatabase), MariaDB read", inDb);
        System.out.printf(
                "%ncache-hit p99 over HTTP %.2f ms (target <= 5 ms): %s%n",
                percentile(hit, 99), percentile(hit, 99) <= 5.0 ? "PASS" : "FAIL");
    }

    private String[] registerAndLogin() throws Exception {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
        String password = "bench-password-1";
        JsonNode user = post(
                "/api/users/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Bench User\"}");
        JsonNode tokens = post("/api/users/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        return new String[] {
            user.path("id").asString(), tokens.path("accessToken").asString()
        };
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void getMe(String[] user) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/users/me"))
                            .header("Authorization", "Bearer " + user[1])
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/users/me -> " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each of the clients runs requests timed calls of action; before (if any) runs untimed first. */
    private double[] measure(List<String[]> users, IntConsumer action, IntConsumer before) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                long[] nanos = new long[requests];
                start.await();
                for (int i = 0; i < requests; i++) {
                    if (before != null) {
                        before.accept(client);
                    }
                    long t0 = System.nanoTime();
                    action.accept(client);
                    nanos[i] = System.nanoTime() - t0;
                }
                return nanos;
            }));
        }
        start.countDown();
        double[] all = new double[clients * requests];
        int n = 0;
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                all[n++] = nanos / 1_000_000.0;
            }
        }
        pool.shutdown();
        Arrays.sort(all);
        return all;
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(
                "%-58s %9.2f %9.2f %9.2f%n",
                label, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int intArg(String[] args, String prefix, int fallback) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst()
                .orElse(fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
