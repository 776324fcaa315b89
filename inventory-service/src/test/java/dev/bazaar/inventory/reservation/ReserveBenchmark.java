package dev.bazaar.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bazaar.inventory.InventoryProperties;
import dev.bazaar.inventory.InventoryServiceApplication;
import dev.bazaar.testing.ProcessCpu;
import dev.bazaar.testing.TestJwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (a) of {@code ./bazaar bench checkout}: the reserve step on one hot SKU. Starts
 * inventory-service in this JVM on the local MariaDB (database {@code inventory_bench}, Kafka topics under
 * the prefix {@code bench.}) and measures, with {@code --clients} concurrent clients, saturated (each
 * client back to back), in slices of {@code --slice} seconds that alternate until each has had {@code
 * --seconds}:
 * <ol>
 * <li>the service: {@code POST /internal/inventory/reservations} over HTTP, one line of 1 unit of the hot
 * item, a new order id per request (each a 201: a new reservation, its ledger row and its StockChanged
 * through the outbox);</li>
 * <li>the baseline: the conditional decrement alone, {@code UPDATE stock SET reserved = reserved + 1 WHERE
 * item_id = ? AND warehouse_id = ? AND on_hand - reserved >= 1} on another row of the same table, sent raw
 * through JDBC in autocommit on a pool as large as the service's (the same number of connections).</li>
 * </ol>
 * Then the oversell check: {@code --units} units of a fresh item, and the clients reserve 1 each until
 * every one of them has been refused: exactly {@code --units} reservations succeed, none more, and the
 * ledger recomputes the stored figures. The measured item is checked too (every 201 is one unit reserved).
 * A failed check exits 1.
 *
 * <p>Two ways to run it: {@link #main} ({@code ./bazaar bench}, from the test classpath that
 * process-test-classes writes), or one Maven command, through the JUnit entry point below (Surefire runs
 * a class named with {@code -Dtest} whatever its name; no {@code *Tests} suffix, so never in a build):
 * {@code ./mvnw -pl inventory-service -am test -Dtest=ReserveBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dreserve.args="--clients=50 --seconds=30"] [-DargLine="-XX:StartFlightRecording=filename=reserve.jfr"]}.
 */
public final class ReserveBenchmark {

    static final String WAREHOUSE = "WH-BENCH";

    /** The baseline, as {@code Stock#reserve} sends it, with positional parameters. */
    private static final String CONDITIONAL_DECREMENT = """
            UPDATE stock SET reserved = reserved + ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE item_id = ? AND warehouse_id = ? AND on_hand - reserved >= ?""";

    /** Enough that neither the service nor the baseline runs out while measured. */
    private static final long PLENTY = 1_000_000_000L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** This JVM (the service and its clients) and the database. */
    private static final ProcessCpu CPU = new ProcessCpu(Path.of(env("BAZAAR_HOME", ".bazaar")), "mariadb", "kafka");

    /** The one-Maven-command entry point: fails when any unit was oversold (or a check failed). */
    @Test
    void reserveOnOneHotItem() throws Exception {
        String args = System.getProperty("reserve.args", "").trim();
        assertThat(measure(args.isEmpty() ? new String[0] : args.split("\\s+")))
                .as("every check passed, 0 oversold")
                .isTrue();
    }

    public static void main(String[] args) throws Exception {
        System.exit(measure(args) ? 0 : 1);
    }

    /** Starts the service, measures, checks; true when every check passed. */
    static boolean measure(String[] args) throws Exception {
        String mariadb = env("BAZAAR_MARIADB_HOST", "127.0.0.1") + ":" + env("BAZAAR_MARIADB_PORT", "13306");
        String kafka = env("BAZAAR_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("BAZAAR_KAFKA_PORT", "19092"));
        // Every run on a new database: each run leaves ~500,000 ledger rows and reservations, which the next
        // would otherwise measure its inserts against.
        try (Connection server = DriverManager.getConnection(
                        "jdbc:mariadb://" + mariadb + "/",
                        env("BAZAAR_MARIADB_USER", "root"),
                        env("BAZAAR_MARIADB_PASSWORD", ""));
                var drop = server.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS inventory_bench");
        }
        HttpServer jwks = serveJwks();
        // Command-line arguments outrank the service's application.yml.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(InventoryServiceApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://" + mariadb
                                + "/inventory_bench?createDatabaseIfNotExist=true",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--bazaar.kafka.topic-prefix=bench.",
                        // The sweeper stays idle: nothing reserved here expires within a run (15 min), and its
                        // scans are not the reserve step's load.
                        "--bazaar.inventory.reservations.sweep-interval=24h",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                                + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=",
                        "--management.tracing.sampling.probability=0.0");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return new Run(app, port, args).run();
        } catch (Exception e) {
            // A refused request ends the run: the figures would not be the reservation's.
            e.printStackTrace();
            return false;
        } finally {
            app.close();
            jwks.stop(0);
        }
    }

    /** One run: the service in this JVM, its clients and the baseline's. */
    private static final class Run {

        private final ConfigurableApplicationContext app;
        private final String base;
        private final String internalToken;
        private final String opsBearer;
        private final int clients;
        private final int seconds;
        private final int slice;
        private final int warmup;
        private final long units;
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final AtomicLong orders = new AtomicLong();
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private Run(ConfigurableApplicationContext app, int port, String[] args) {
            this.app = app;
            this.base = "http://127.0.0.1:" + port;
            this.internalToken = app.getBean(InventoryProperties.class).internalToken();
            this.opsBearer =
                    "Bearer " + TestJwts.token("bench-ops", Instant.now().plus(Duration.ofHours(2)), "OPS");
            this.clients = intArg(args, "--clients=", 50);
            this.seconds = intArg(args, "--seconds=", 30);
            this.slice = intArg(args, "--slice=", 5);
            // This JVM compiles the service's and the clients' code with C2 at the measured mix on 2 cores, and the
            // figure is the steady state's: after 15 s of warm-up a quiet run measured 1,205 reservations/s at
            // 0.63 CPU-ms each, after 45 s 2,960/s, after 60 s 3,557/s at 0.49. As long as (b)'s warm-up.
            this.warmup = intArg(args, "--warmup=", 120);
            this.units = intArg(args, "--units=", 1000);
        }

        /** One timed call of one client. */
        private interface Operation {
            void run() throws Exception;
        }

        /** Latencies in ms of one kind of call, and the seconds it ran. */
        private static final class Figures {
            private final List<double[]> parts = new ArrayList<>();
            private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
            private long count;
            private double activeSeconds;

            void add(double[] latencies, double elapsedSeconds) {
                parts.add(latencies);
                count += latencies.length;
                activeSeconds += elapsedSeconds;
            }

            double perSecond() {
                return count / activeSeconds;
            }

            double[] sorted() {
                double[] all = new double[(int) count];
                int n = 0;
                for (double[] part : parts) {
                    System.arraycopy(part, 0, all, n, part.length);
                    n += part.length;
                }
                Arrays.sort(all);
                return all;
            }
        }

        private boolean run() throws Exception {
            System.out.printf(
                    "reserve benchmark: %d concurrent clients, one hot item, %d s per measurement, %d cores%n",
                    clients, seconds, Runtime.getRuntime().availableProcessors());
            DataSource service = app.getBean(DataSource.class);
            HikariDataSource pool = (HikariDataSource) service;
            JdbcClient jdbc = JdbcClient.create(service);
            String hot = UUID.randomUUID().toString();
            String rawItem = UUID.randomUUID().toString();
            receive("bench-" + run + "-hot", hot, PLENTY);

            AtomicLong served = new AtomicLong();
            AtomicLong rawUpdated = new AtomicLong();
            try (HikariDataSource raw = new HikariDataSource()) {
                raw.setJdbcUrl(pool.getJdbcUrl());
                raw.setUsername(pool.getUsername());
                raw.setPassword(pool.getPassword());
                raw.setMaximumPoolSize(pool.getMaximumPoolSize());
                raw.setTransactionIsolation(pool.getTransactionIsolation());
                raw.setAutoCommit(true);
                // The baseline's row: the same table, its own item, so the two never touch each other's row.
                JdbcClient.create(raw)
                        .sql("INSERT INTO stock (item_id, warehouse_id, on_hand) VALUES (?, ?, ?)")
                        .params(rawItem, WAREHOUSE, PLENTY)
                        .update();
                Operation reserve = () -> {
                    if (reserve(hot)) {
                        served.incrementAndGet();
                    } else {
                        throw new IllegalStateException("the hot item ran out: raise PLENTY");
                    }
                };
                Operation decrement = () -> {
                    if (decrement(raw, rawItem) != 1) {
                        throw new IllegalStateException("the baseline row ran out: raise PLENTY");
                    }
                    rawUpdated.incrementAndGet();
                };

                System.out.printf("warm-up: %d s of each, untimed ...%n", warmup);
                saturated(reserve, warmup, new Figures());
                saturated(decrement, warmup, new Figures());

                System.out.printf(
                        "saturated: slices of %d s alternating until each has had %d s (JDBC pool of %d, as the service's) ...%n",
                        slice, seconds, pool.getMaximumPoolSize());
                Figures service201 = new Figures();
                Figures baseline = new Figures();
                for (int done = 0; done < seconds; done += slice) {
                    int length = Math.min(slice, seconds - done);
                    saturated(reserve, length, service201);
                    saturated(decrement, length, baseline);
                }

                System.out.println();
                System.out.printf("%-58s %10s %9s %9s %9s%n", "", "per s", "p50 ms", "p99 ms", "max ms");
                print("reserve  POST /internal/inventory/reservations", service201);
                print("baseline raw conditional UPDATE (JDBC, autocommit)", baseline);
                System.out.println("CPU ms per reservation (this JVM = the service and the clients' threads):");
                System.out.println("  reserve:  " + ProcessCpu.perOperation(service201.cpuSeconds, service201.count));
                System.out.println("  baseline: " + ProcessCpu.perOperation(baseline.cpuSeconds, baseline.count));

                // Every 201 was one unit; every baseline update one unit of its row.
                boolean measuredRight =
                        reserved(jdbc, hot) == served.get() && reserved(jdbc, rawItem) == rawUpdated.get();
                System.out.printf(
                        "%nhot item: %d reservations answered 201, %d units reserved in the stock row; baseline: %d updates, %d reserved%n",
                        served.get(), reserved(jdbc, hot), rawUpdated.get(), reserved(jdbc, rawItem));

                boolean oversellRight = oversellCheck(jdbc);

                double ratio = service201.perSecond() / baseline.perSecond();
                System.out.println();
                System.out.printf(
                        "reserve throughput %.0f/s = %.2fx the raw conditional UPDATE's %.0f/s (target >= 0.3x): %s%n",
                        service201.perSecond(), ratio, baseline.perSecond(), ratio >= 0.3 ? "PASS" : "FAIL");
                System.out.printf(
                        "oversold: %s%n", measuredRight && oversellRight ? "0 (PASS)" : "CHECK FAILED (see above)");
                return measuredRight && oversellRight;
            }
        }

        /**
         * {@code units} units, and every client reserves 1 at a time until refused: exactly {@code units}
         * succeed, on hand = reserved = units, and the ledger agrees.
         */
        private boolean oversellCheck(JdbcClient jdbc) throws Exception {
            String item = UUID.randomUUID().toString();
            receive("bench-" + run + "-oversell", item, units);
            AtomicLong won = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    start.await();
                    while (reserve(item)) {
                        won.incrementAndGet();
                    }
                    refused.incrementAndGet();
                    return null;
                }));
            }
            start.countDown();
            try {
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            var row = jdbc.sql("SELECT on_hand, reserved FROM stock WHERE item_id = ? AND warehouse_id = ?")
                    .params(item, WAREHOUSE)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            JsonNode ledger = get("/api/ops/inventory/items/" + item + "/ledger-check");
            boolean consistent =
                    ledger.size() == 1 && ledger.get(0).path("consistent").asBoolean();
            boolean right = won.get() == units && row[0] == units && row[1] == units && consistent;
            System.out.printf(
                    "oversell check: %d units, %d clients until each was refused: %d reserved (201), %d refused (409); "
                            + "stock on hand %d, reserved %d; ledger %s: %s%n",
                    units,
                    clients,
                    won.get(),
                    refused.get(),
                    row[0],
                    row[1],
                    consistent ? "consistent" : "INCONSISTENT " + ledger,
                    right ? "PASS" : "FAIL");
            return right;
        }

        // ------------------------------------------------------------------------------------------
        // The calls

        /** One unit of the item for a new order: true on 201, false on 409 insufficient-stock. */
        private boolean reserve(String itemId) throws Exception {
            String orderId = "b-" + run + "-" + orders.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/internal/inventory/reservations"))
                    .header("X-Internal-Token", internalToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId
                            + "\",\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":1,\"warehouseIds\":[\""
                            + WAREHOUSE + "\"]}]}"))
                    .build();
            HttpResponse<String> response;
            boolean retried = false;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException staleConnection) {
                // A kept-alive connection Tomcat closed while the baseline's slice ran (its keep-alive timeout
                // is shorter than the client's): the same order again, which a reservation is idempotent by.
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                retried = true;
            }
            // 200 on the retry: the first attempt reserved, and this one was told so.
            if (response.statusCode() == 201 || (retried && response.statusCode() == 200)) {
                return true;
            }
            if (response.statusCode() == 409 && response.body().contains("insufficient-stock")) {
                return false;
            }
            throw new IllegalStateException(
                    "POST /internal/inventory/reservations -> " + response.statusCode() + " " + response.body());
        }

        private static int decrement(DataSource raw, String itemId) throws SQLException {
            try (Connection connection = raw.getConnection();
                    PreparedStatement update = connection.prepareStatement(CONDITIONAL_DECREMENT)) {
                update.setLong(1, 1);
                update.setString(2, itemId);
                update.setString(3, WAREHOUSE);
                update.setLong(4, 1);
                return update.executeUpdate();
            }
        }

        private void receive(String receiptId, String itemId, long quantity) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/ops/inventory/receipts"))
                            .header("Authorization", opsBearer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"receiptId\":\"" + receiptId
                                    + "\",\"warehouseId\":\"" + WAREHOUSE + "\",\"itemId\":\"" + itemId
                                    + "\",\"quantity\":" + quantity + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "POST /api/ops/inventory/receipts -> " + response.statusCode() + " " + response.body());
            }
        }

        private JsonNode get(String path) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", opsBearer)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }

        private static long reserved(JdbcClient jdbc, String itemId) {
            return jdbc.sql("SELECT reserved FROM stock WHERE item_id = ? AND warehouse_id = ?")
                    .params(itemId, WAREHOUSE)
                    .query(Long.class)
                    .single();
        }

        // ------------------------------------------------------------------------------------------
        // Load

        /** Every client runs the operation back to back for {@code forSeconds}. */
        private void saturated(Operation operation, int forSeconds, Figures figures) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> results = new ArrayList<>();
            long[] window = new long[2];
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long end = window[1];
                    double[] latencies = new double[1024];
                    int n = 0;
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        operation.run();
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (System.nanoTime() - t0) / 1e6;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Map<String, Double> cpuBefore = CPU.seconds();
            window[0] = System.nanoTime();
            window[1] = window[0] + forSeconds * 1_000_000_000L;
            start.countDown();
            List<double[]> all = new ArrayList<>();
            try {
                for (Future<double[]> result : results) {
                    all.add(result.get());
                }
            } finally {
                pool.shutdownNow();
            }
            double elapsed = (System.nanoTime() - window[0]) / 1e9;
            double[] joined = new double[all.stream().mapToInt(p -> p.length).sum()];
            int n = 0;
            for (double[] part : all) {
                System.arraycopy(part, 0, joined, n, part.length);
                n += part.length;
            }
            figures.add(joined, elapsed);
            CPU.addSince(cpuBefore, figures.cpuSeconds);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static HttpServer serveJwks() throws IOException {
        byte[] keys = new JWKSet(new RSAKey.Builder(TestJwts.publicKey()).build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void print(String label, Run.Figures figures) {
        double[] sorted = figures.sorted();
        System.out.printf(
                "%-58s %10.0f %9.2f %9.2f %9.2f%n",
                label, figures.perSecond(), percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
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
