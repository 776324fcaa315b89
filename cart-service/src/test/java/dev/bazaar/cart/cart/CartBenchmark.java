package dev.bazaar.cart.cart;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bazaar.cart.CartServiceApplication;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.testing.TestJwts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bazaar bench cart [--clients=50] [--items=20] [--seconds=60] [--slice=10] [--warmup=30]
 * [--rate=100] [--item-service=http://127.0.0.1:8082]}: starts cart-service in this JVM on the local
 * MariaDB (database {@code carts_bench}, Kafka topics under the prefix {@code bench.}) against the
 * item-service that {@code ./bazaar} started, and measures, with {@code --clients} concurrent
 * shoppers each with their own user:
 * <ol>
 * <li>saturated (every shopper back to back), in slices of {@code --slice} seconds that alternate
 * until each has had {@code --seconds}: {@code POST /api/cart/items} (add-to-cart), {@code GET
 * /api/cart} (get-cart), and the baseline, the same statements {@link CartLines} runs sent raw through
 * JDBC on a pool the size of the service's: the upsert ({@code INSERT … ON DUPLICATE KEY UPDATE
 * quantity = LEAST(quantity + ?, ?)}) and the cart's select. Throughput and p50/p99 of each;</li>
 * <li>paced: {@code --rate} requests per second in all, each shopper sending at its share of it,
 * open loop (latency counts from when a request was due, so a stall is not hidden), add-to-cart
 * then get-cart for {@code --seconds} each: the latency a shop sees below saturation.</li>
 * </ol>
 * Shoppers authenticate with RS256 tokens signed by {@link TestJwts}' key, which cart-service fetches
 * as a JWKS served by this benchmark: the same decoder and signature check as with user-service's
 * JWKS. Items come from item-service's real input: {@code --items} items of the supplier {@value
 * #SUPPLIER} sent once on {@code supplier.items.v1} (kept for the next run).
 */
public final class CartBenchmark {

    static final String SUPPLIER = "bench-cart-supplier";

    /** {@link CartLines#add}, as cart-service sends it, with positional parameters. */
    private static final String UPSERT = """
            INSERT INTO cart_line (user_id, item_id, quantity, added_price_minor, added_price_currency)
            VALUES (?, ?, LEAST(?, ?), ?, ?)
            ON DUPLICATE KEY UPDATE quantity = LEAST(quantity + ?, ?),
                                    updated_at = CURRENT_TIMESTAMP(6)""";

    /** {@link CartLines#of}, as cart-service sends it. */
    private static final String SELECT = """
            SELECT item_id, quantity, added_price_minor, added_price_currency
            FROM cart_line WHERE user_id = ? ORDER BY added_at, item_id""";

    private static final int MAX_QUANTITY = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String THIS_JVM = "this JVM";
    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final long PRICE_MINOR = 49_900;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int clients = intArg(args, "--clients=", 50);
        String itemService = stringArg(args, "--item-service=", "http://127.0.0.1:8082");
        String mariadb = env("BAZAAR_MARIADB_HOST", "127.0.0.1") + ":" + env("BAZAAR_MARIADB_PORT", "13306");
        String kafka = env("BAZAAR_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("BAZAAR_KAFKA_PORT", "19092"));
        HttpServer jwks = serveJwks();
        // Command-line arguments outrank the service's application.yml (see UserCacheBenchmark).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CartServiceApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://" + mariadb
                                + "/carts_bench?createDatabaseIfNotExist=true",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--bazaar.kafka.topic-prefix=bench.",
                        "--bazaar.cart.item-service.url=" + itemService,
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                                + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=",
                        "--management.tracing.sampling.probability=0.0");
        int status = 0;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            new CartBenchmark(app, port, itemService, clients, args).run();
        } catch (Exception e) {
            // A refused request ends the run: the figures would not be the cart's.
            e.printStackTrace();
            status = 1;
        } finally {
            app.close();
            jwks.stop(0);
        }
        System.exit(status);
    }

    private final ConfigurableApplicationContext app;
    private final String base;
    private final String itemService;
    private final int clients;
    private final int items;
    private final int seconds;
    private final int slice;
    private final int warmup;
    private final int rate;
    /**
     * New for every measurement: a connection left idle while the other kinds ran (longer than
     * Tomcat's 60 s keep-alive) was closed by the service as the next POST went out on it, and the
     * client retries only GETs.
     */
    private HttpClient http = newClient();

    private CartBenchmark(
            ConfigurableApplicationContext app, int port, String itemService, int clients, String[] args) {
        this.app = app;
        this.base = "http://127.0.0.1:" + port;
        this.itemService = itemService;
        this.clients = clients;
        this.items = intArg(args, "--items=", 20);
        this.seconds = intArg(args, "--seconds=", 60);
        this.slice = intArg(args, "--slice=", 10);
        this.warmup = intArg(args, "--warmup=", 30);
        this.rate = intArg(args, "--rate=", 100);
    }

    /** One timed operation of one shopper (index c). */
    private interface Operation {
        void run(int shopper) throws Exception;
    }

    /** What one kind of request measured: latencies in ms (sorted at the end) and requests per second. */
    private static final class Figures {
        private final List<double[]> parts = new ArrayList<>();
        private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        private long count;
        private double activeSeconds;
        private double[] sorted;

        void add(double[] latencies, double elapsedSeconds) {
            parts.add(latencies);
            count += latencies.length;
            activeSeconds += elapsedSeconds;
        }

        void addCpu(Map<String, Double> used) {
            used.forEach((process, seconds) -> cpuSeconds.merge(process, seconds, Double::sum));
        }

        /** CPU milliseconds per request of each process, and their sum. */
        String cpuPerRequest() {
            StringBuilder line = new StringBuilder();
            double total = 0;
            for (var entry : cpuSeconds.entrySet()) {
                double ms = entry.getValue() * 1000 / count;
                total += ms;
                line.append(String.format("%s %.3f, ", entry.getKey(), ms));
            }
            return line.append(String.format("total %.3f ms", total)).toString();
        }

        double[] sorted() {
            if (sorted == null) {
                sorted = new double[(int) count];
                int n = 0;
                for (double[] part : parts) {
                    System.arraycopy(part, 0, sorted, n, part.length);
                    n += part.length;
                }
                Arrays.sort(sorted);
            }
            return sorted;
        }

        double perSecond() {
            return count / activeSeconds;
        }
    }

    private void run() throws Exception {
        System.out.printf(
                "cart benchmark: %d concurrent shoppers, %d items, %d s per measurement, %d cores%n",
                clients, items, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "item-service: %s; on GET the delivery ETA's user-service (127.0.0.1:8081) is %s, "
                        + "serviceability-service (127.0.0.1:8086) is %s%n",
                itemService, listening(8081) ? "running" : "not running", listening(8086) ? "running" : "not running");

        List<String> itemIds = feedItems();
        List<String> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < clients; c++) {
            users.add("bench-" + run + "-" + c);
            tokens.add("Bearer " + TestJwts.token(users.get(c), Instant.now().plus(Duration.ofHours(2)), "CUSTOMER"));
        }
        // The baseline's own owners (its cart rows first, as cart_line's foreign key needs them).
        DataSource service = app.getBean(DataSource.class);
        int poolSize = service instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 10;
        try (HikariDataSource raw = new HikariDataSource()) {
            raw.setJdbcUrl(((HikariDataSource) service).getJdbcUrl());
            raw.setUsername(((HikariDataSource) service).getUsername());
            raw.setPassword(((HikariDataSource) service).getPassword());
            raw.setMaximumPoolSize(poolSize);
            List<String> rawOwners = new ArrayList<>();
            try (Connection connection = raw.getConnection();
                    PreparedStatement insert =
                            connection.prepareStatement("INSERT IGNORE INTO cart (user_id) VALUES (?)")) {
                for (int c = 0; c < clients; c++) {
                    rawOwners.add("raw-" + run + "-" + c);
                    insert.setString(1, rawOwners.get(c));
                    insert.executeUpdate();
                }
            }
            Operation add = c -> add(tokens.get(c), pick(itemIds));
            Operation get = c -> get(tokens.get(c));
            Operation rawAdd = c -> rawUpsert(raw, rawOwners.get(c), pick(itemIds));
            Operation rawGet = c -> rawSelect(raw, rawOwners.get(c));

            System.out.printf("warm-up: %d s of each, untimed ...%n", warmup);
            for (Operation operation : List.of(add, get, rawAdd, rawGet)) {
                saturated(operation, warmup);
            }

            System.out.printf(
                    "saturated: slices of %d s alternating until each has had %d s (JDBC pool of %d, as the service's) ...%n",
                    slice, seconds, poolSize);
            Figures addSat = new Figures();
            Figures getSat = new Figures();
            Figures rawAddSat = new Figures();
            Figures rawGetSat = new Figures();
            for (int done = 0; done < seconds; done += slice) {
                int length = Math.min(slice, seconds - done);
                saturated(add, length, addSat);
                saturated(rawAdd, length, rawAddSat);
                saturated(get, length, getSat);
                saturated(rawGet, length, rawGetSat);
            }

            System.out.printf("paced: %d requests/s from %d shoppers, %d s each ...%n", rate, clients, seconds);
            Figures addPaced = paced(add, seconds);
            Figures getPaced = paced(get, seconds);

            System.out.println();
            System.out.printf("%-52s %10s %9s %9s %9s%n", "", "req/s", "p50 ms", "p99 ms", "max ms");
            print("saturated: add-to-cart  POST /api/cart/items", addSat);
            print("saturated: baseline raw upsert (JDBC)", rawAddSat);
            print("saturated: get-cart     GET /api/cart", getSat);
            print("saturated: baseline raw select (JDBC)", rawGetSat);
            print("paced " + rate + "/s: add-to-cart", addPaced);
            print("paced " + rate + "/s: get-cart", getPaced);

            System.out.println();
            System.out.println(
                    "CPU ms per request, saturated (this JVM = cart-service without the shoppers' threads):");
            System.out.println("  add-to-cart:        " + addSat.cpuPerRequest());
            System.out.println("  raw upsert (JDBC):  " + rawAddSat.cpuPerRequest());
            System.out.println("  get-cart:           " + getSat.cpuPerRequest());
            System.out.println("  raw select (JDBC):  " + rawGetSat.cpuPerRequest());

            double addRatio = addSat.perSecond() / rawAddSat.perSecond();
            double getRatio = getSat.perSecond() / rawGetSat.perSecond();
            double pacedP99 = percentile(addPaced.sorted(), 99);
            double saturatedP99 = percentile(addSat.sorted(), 99);
            System.out.println();
            System.out.printf(
                    "add-to-cart throughput %.0f/s = %.2fx the raw upsert's %.0f/s (target >= 0.3x): %s%n",
                    addSat.perSecond(), addRatio, rawAddSat.perSecond(), addRatio >= 0.3 ? "PASS" : "FAIL");
            System.out.printf(
                    "get-cart throughput %.0f/s = %.2fx the raw select's %.0f/s (no target)%n",
                    getSat.perSecond(), getRatio, rawGetSat.perSecond());
            System.out.printf(
                    "add-to-cart p99 %.2f ms paced at %d/s (target <= 20 ms): %s; saturated p99 %.2f ms: %s%n",
                    pacedP99,
                    rate,
                    pacedP99 <= 20.0 ? "PASS" : "FAIL",
                    saturatedP99,
                    saturatedP99 <= 20.0 ? "PASS" : "FAIL");
        }
    }

    // ------------------------------------------------------------------------------------------
    // The requests

    private void add(String bearer, String itemId) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/cart/items"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"itemId\":\"" + itemId + "\",\"quantity\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/cart/items -> " + response.statusCode() + " " + response.body());
        }
    }

    private void get(String bearer) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/cart"))
                        .header("Authorization", bearer)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/cart -> " + response.statusCode() + " " + response.body());
        }
    }

    private static void rawUpsert(DataSource raw, String owner, String itemId) throws SQLException {
        try (Connection connection = raw.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, owner);
            upsert.setString(2, itemId);
            upsert.setInt(3, 1);
            upsert.setInt(4, MAX_QUANTITY);
            upsert.setLong(5, PRICE_MINOR);
            upsert.setString(6, "INR");
            upsert.setInt(7, 1);
            upsert.setInt(8, MAX_QUANTITY);
            upsert.executeUpdate();
        }
    }

    private static void rawSelect(DataSource raw, String owner) throws SQLException {
        try (Connection connection = raw.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, owner);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    // Read every column, as CartLines' row mapper does.
                    new Money(rows.getLong(3), rows.getString(4));
                    rows.getString(1);
                    rows.getInt(2);
                }
            }
        }
    }

    private String pick(List<String> itemIds) {
        return itemIds.get(ThreadLocalRandom.current().nextInt(itemIds.size()));
    }

    // ------------------------------------------------------------------------------------------
    // Load

    private void saturated(Operation operation, int forSeconds) throws Exception {
        saturated(operation, forSeconds, new Figures());
    }

    /** Every shopper runs the operation back to back for {@code forSeconds}. */
    private void saturated(Operation operation, int forSeconds, Figures figures) throws Exception {
        http = newClient();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<double[]>> results = new ArrayList<>();
        long[] window = new long[2];
        DoubleAdder driverCpu = new DoubleAdder();
        for (int c = 0; c < clients; c++) {
            int shopper = c;
            results.add(pool.submit(() -> {
                start.await();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long end = window[1];
                double[] latencies = new double[1024];
                int n = 0;
                for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                    operation.run(shopper);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - t0) / 1e6;
                }
                driverCpu.add((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
                return Arrays.copyOf(latencies, n);
            }));
        }
        Map<String, Double> cpuBefore = processCpu();
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
        Map<String, Double> used = new LinkedHashMap<>();
        processCpu().forEach((process, seconds) -> {
            Double before = cpuBefore.get(process);
            if (before != null) {
                used.put(process, seconds - before);
            }
        });
        // This JVM is the service under test and the shoppers' threads; the shoppers' own CPU (the
        // HTTP client, or the JDBC calls of the baseline) is counted apart.
        double driver = driverCpu.sum();
        used.computeIfPresent(THIS_JVM, (process, seconds) -> seconds - driver);
        used.put("shoppers (driver)", driver);
        figures.add(concat(all), elapsed);
        figures.addCpu(used);
    }

    /**
     * Open loop: shopper c's k-th request is due at t0 + (c + k * clients) / rate; its latency counts
     * from then, so a request that waits behind a slow one is charged for the wait.
     */
    private Figures paced(Operation operation, int forSeconds) throws Exception {
        http = newClient();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime() + 100_000_000L;
        long end = t0 + forSeconds * 1_000_000_000L;
        double interval = 1e9 / rate;
        List<Future<double[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int shopper = c;
            results.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                for (long k = 0; ; k++) {
                    long due = t0 + (long) ((shopper + k * clients) * interval);
                    if (due >= end) {
                        break;
                    }
                    // Waiting for the due time is the pacing itself.
                    for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                        LockSupport.parkNanos(due - now);
                    }
                    operation.run(shopper);
                    latencies.add((System.nanoTime() - due) / 1e6);
                }
                return latencies.stream().mapToDouble(Double::doubleValue).toArray();
            }));
        }
        List<double[]> all = new ArrayList<>();
        try {
            for (Future<double[]> result : results) {
                all.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Figures figures = new Figures();
        figures.add(concat(all), elapsed);
        return figures;
    }

    // ------------------------------------------------------------------------------------------
    // Set-up: items through item-service's real input, the token key as a JWKS

    /** The supplier's items sent on supplier.items.v1 unless item-service already serves them. */
    @SuppressWarnings("unchecked")
    private List<String> feedItems() throws Exception {
        KafkaTemplate<String, byte[]> kafka = app.getBean(KafkaTemplate.class);
        List<String> itemIds = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < items; i++) {
            String sku = "bench-cart-" + i;
            String itemId = ItemIds.of(SUPPLIER, sku);
            itemIds.add(itemId);
            if (!served(itemId)) {
                send(kafka, sku, itemId);
                sent++;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String itemId : itemIds) {
            while (!served(itemId)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("item-service at " + itemService + " does not serve " + itemId
                            + " 120 s after it was sent on " + Topics.SUPPLIER_ITEMS);
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        System.out.printf("items: %d served by item-service (%d sent now on %s)%n", items, sent, Topics.SUPPLIER_ITEMS);
        return itemIds;
    }

    private boolean served(String itemId) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(itemService + "/api/items/" + itemId))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode item = JSON.readTree(response.body());
        return item.path("price").path("minor").asLong() == PRICE_MINOR;
    }

    private static void send(KafkaTemplate<String, byte[]> kafka, String sku, String itemId) {
        var item = new CanonicalItem(
                itemId,
                SUPPLIER,
                sku,
                1,
                "Cart benchmark item " + sku,
                "Acme",
                List.of("Kitchen & Dining", "Mugs"),
                Money.inr(PRICE_MINOR),
                Money.inr(PRICE_MINOR),
                List.of(),
                "",
                Map.of(),
                SizeClass.SMALL,
                true);
        var received = new SupplierItemReceived(UUID.randomUUID(), Instant.now(), SUPPLIER, item);
        kafka.send(CloudEventHeaders.record(
                        Topics.SUPPLIER_ITEMS,
                        received.key(),
                        JSON.writeValueAsBytes(received),
                        received.eventId().toString(),
                        received.type(),
                        SUPPLIER,
                        CloudEventHeaders.time(received.occurredAt())))
                .join();
    }

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

    /**
     * CPU seconds (user + system) so far of this JVM and of the local processes on the path, from
     * {@code /proc/<pid>/stat} through {@code ./bazaar}'s pid files; a process not found is left out.
     */
    private static Map<String, Double> processCpu() {
        Path home = Path.of(env("BAZAAR_HOME", ".bazaar"));
        Map<String, Path> pids = new LinkedHashMap<>();
        pids.put("item-service", home.resolve("services/item-service/pid"));
        pids.put("mariadb", home.resolve("mariadb/pid"));
        pids.put("mongo", home.resolve("mongo/pid"));
        pids.put("kafka", home.resolve("kafka/pid"));
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(
                THIS_JVM, cpuSecondsOf(String.valueOf(ProcessHandle.current().pid())));
        pids.forEach((process, pidFile) -> {
            try {
                seconds.put(process, cpuSecondsOf(Files.readString(pidFile).trim()));
            } catch (IOException | RuntimeException e) {
                // not running here: nothing to report for it
            }
        });
        seconds.values().removeIf(value -> value < 0);
        return seconds;
    }

    private static double cpuSecondsOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------

    private static double[] concat(List<double[]> parts) {
        double[] all = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int n = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, n, part.length);
            n += part.length;
        }
        return all;
    }

    private static void print(String label, Figures figures) {
        double[] sorted = figures.sorted();
        System.out.printf(
                "%-52s %10.0f %9.2f %9.2f %9.2f%n",
                label, figures.perSecond(), percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int intArg(String[] args, String prefix, int fallback) {
        return Integer.parseInt(stringArg(args, prefix, String.valueOf(fallback)));
    }

    private static String stringArg(String[] args, String prefix, String fallback) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst()
                .orElse(fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
