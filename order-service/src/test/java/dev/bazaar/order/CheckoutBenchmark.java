package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.testing.InventoryServiceProcess;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.ItemServiceFeed;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.PaymentServiceProcess;
import dev.bazaar.testing.ProcessCpu;
import dev.bazaar.testing.ServiceProcess;
import dev.bazaar.testing.ServiceabilityNetwork;
import dev.bazaar.testing.TestJwks;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UserServiceShoppers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (b) of {@code ./bazaar bench checkout}: whole checkouts against order-service. Starts the peers
 * as real processes from their jars (platform/testing's fixtures, on one topic prefix as {@link
 * CheckoutPeers} wires them: item-, serviceability-, user-, inventory- and payment-service with its PSP
 * simulator) with full JIT ({@value #PEER_JVM_OPTIONS} unless the system property {@value
 * ServiceProcess#JVM_OPTIONS} names others), and order-service in this JVM (so a flight recording of this
 * JVM profiles it), on databases, a Redis prefix and topics of its own per run. cart-service is not started:
 * every order names its line, so no cart is read.
 *
 * <p>Before measuring: {@code --shoppers} (200) shoppers registered in user-service with a default address
 * in the metro (Mumbai {@value ServiceabilityNetwork#METRO}), and {@code --skus} (5) SMALL items, each with
 * {@value #PLENTY} units received in the metro warehouse, waited for until serviceability delivers them
 * there. Then {@code --clients} (50) clients, closed loop (each back to back), each order by the next
 * shopper in turn: 1 unit of a random one of the SKUs, a fresh {@code Idempotency-Key}, paid by UPI. Every
 * checkout is {@code POST /api/orders} answered 201 PAYMENT_PENDING: the address read, the repricing, the
 * candidates, the order CREATED, the reservation, the payment session at the PSP simulator,
 * PAYMENT_PENDING and its Redis timeout key. Nobody pays, and the payment timeout (10 min) does not fall
 * during the run.
 *
 * <p>The baseline, measured in the same run by as many clients: inventory-service's {@code POST
 * /internal/inventory/reservations} alone over HTTP (1 unit of another SKU, a new order id each), the one
 * step every checkout contains whose correctness the order cannot do without; the checkout's figure reads
 * as a fraction of it. Both after {@code --warmup} seconds (120) each untimed, in slices of {@code --slice}
 * seconds that alternate until each has had {@code --seconds}, so both see the same machine. Printed:
 * orders/s (201s), p50/p99/max latency, errors by status, and CPU ms per order of each process.
 *
 * <p>Then the oversold check, over every order of the run (warm-up included): for each SKU,
 * inventory-service's reserved + sold equals the checkouts answered 201 for it, and order-service holds
 * exactly that many PAYMENT_PENDING orders of it, and reserved + sold never exceeds what was received; for the
 * baseline's SKU, reserved equals its 201s. A failed check exits 1.
 *
 * <p>Run from the {@code order-service} directory (the fixtures find the peers' jars in {@code
 * ../<module>/target}), after building the peers' jars: {@link #main}, from the test classpath that
 * process-test-classes writes ({@code ./bazaar}'s {@code bench_in_service}), or one Maven command through the
 * JUnit entry point below (Surefire runs a class named with {@code -Dtest} whatever its name; no {@code
 * *Tests} suffix, so never in a build): {@code ./mvnw -pl order-service test -Dtest=CheckoutBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dcheckout.args="--clients=50 --seconds=30"]}.
 */
public final class CheckoutBenchmark {

    /** The peers' JVM options: full JIT and the heap and collector {@code ./bazaar bench} gives services. */
    static final String PEER_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC";

    /** Units received per SKU: no order may fail for want of stock while measured. */
    static final long PLENTY = 1_000_000L;

    private static final long PRICE_MINOR = 49_900;
    /** This JVM, the peers it started, and the servers they use. */
    private static final ProcessCpu CPU =
            new ProcessCpu(Path.of(env("BAZAAR_HOME", "../.bazaar")), "mariadb", "mongo", "redis", "kafka");

    /** The one-Maven-command entry point: fails when any check failed. */
    @Test
    void wholeCheckouts() throws Exception {
        String args = System.getProperty("checkout.args", "").trim();
        assertThat(measure(args.isEmpty() ? new String[0] : args.split("\\s+")))
                .as("every check passed, 0 oversold")
                .isTrue();
    }

    public static void main(String[] args) throws Exception {
        System.exit(measure(args) ? 0 : 1);
    }

    /** Starts the peers and order-service, measures, checks; true when every check passed. */
    static boolean measure(String[] args) throws Exception {
        if (!Files.isDirectory(Path.of("..", "order-service"))) {
            throw new IllegalStateException("Run from the order-service directory: the peers' jars are found in "
                    + "../<module>/target (now in " + Path.of("").toAbsolutePath() + ")");
        }
        // The fixtures' Kafka clients log their whole configuration at INFO before Spring sets the level below.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        if (System.getProperty(ServiceProcess.JVM_OPTIONS) == null) {
            System.setProperty(ServiceProcess.JVM_OPTIONS, PEER_JVM_OPTIONS);
        }
        System.out.printf(
                "checkout benchmark: starting item-, serviceability-, user-, inventory- and payment-service (JVM options %s) ...%n",
                System.getProperty(ServiceProcess.JVM_OPTIONS));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            ItemServiceFeed items = add(started, ItemServiceFeed.start("bench-checkout-supplier"));
            String prefix = items.topicPrefix();
            ServiceabilityNetwork serviceability = add(started, ServiceabilityNetwork.start(prefix));
            UserServiceShoppers users = add(started, UserServiceShoppers.start(CheckoutPeers.INTERNAL_TOKEN));
            InventoryServiceProcess inventory = add(started, InventoryServiceProcess.start(prefix));
            PaymentServiceProcess payments = add(started, PaymentServiceProcess.start(prefix));
            TestJwks jwks = add(started, TestJwks.serve());
            IsolatedNames names = IsolatedNames.forTestClass(CheckoutBenchmark.class);
            // Command-line arguments outrank the service's application.yml; as CheckoutPeers sets them, but the
            // peers' timeout left at its production default.
            ConfigurableApplicationContext app = add(
                    started,
                    new SpringApplicationBuilder(OrderServiceApplication.class)
                            .profiles("local")
                            .run(
                                    "--server.port=0",
                                    "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                            + names.database() + "?createDatabaseIfNotExist=true",
                                    "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                                    "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                                    "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                                    "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                                    "--bazaar.kafka.topic-prefix=" + prefix,
                                    "--spring.kafka.consumer.group-id=" + prefix + "orders",
                                    "--bazaar.orders.peers.items=" + items.baseUrl(),
                                    "--bazaar.orders.peers.serviceability=" + serviceability.baseUrl(),
                                    "--bazaar.orders.peers.users=" + users.baseUrl(),
                                    "--bazaar.orders.peers.inventory=" + inventory.baseUrl(),
                                    "--bazaar.orders.peers.payments=" + payments.baseUrl(),
                                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks.uri(),
                                    "--logging.level.root=WARN",
                                    "--logging.structured.format.console=",
                                    "--management.tracing.sampling.probability=0.0"));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return new Run(app, port, items, serviceability, users, inventory, args).run();
        } catch (Exception e) {
            // A failed set-up or a broken run ends it: the figures would not be the checkout's.
            e.printStackTrace();
            return false;
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        }
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T closeable) {
        started.add(closeable);
        return closeable;
    }

    /** One run: order-service in this JVM, its clients and the baseline's. */
    private static final class Run {

        private final ConfigurableApplicationContext app;
        private final String orders;
        private final ItemServiceFeed items;
        private final ServiceabilityNetwork serviceability;
        private final UserServiceShoppers users;
        private final InventoryServiceProcess inventory;
        private final int clients;
        private final int seconds;
        private final int slice;
        private final int warmup;
        private final int shopperCount;
        private final int skuCount;
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final AtomicLong nextShopper = new AtomicLong();
        private final AtomicLong reservationIds = new AtomicLong();
        /** Checkouts answered 201 per SKU, warm-up included: what the oversold check holds inventory to. */
        private final Map<String, LongAdder> taken = new ConcurrentHashMap<>();

        private final LongAdder baselineReserved = new LongAdder();
        private List<String> bearers;
        private List<String> skus;
        private String baselineSku;
        private HttpClient http = newClient();

        private Run(
                ConfigurableApplicationContext app,
                int port,
                ItemServiceFeed items,
                ServiceabilityNetwork serviceability,
                UserServiceShoppers users,
                InventoryServiceProcess inventory,
                String[] args) {
            this.app = app;
            this.orders = "http://127.0.0.1:" + port;
            this.items = items;
            this.serviceability = serviceability;
            this.users = users;
            this.inventory = inventory;
            this.clients = intArg(args, "--clients=", 50);
            this.seconds = intArg(args, "--seconds=", 30);
            this.slice = intArg(args, "--slice=", 5);
            // Five peers and this JVM to compile with C2 at the measured mix: with 30 s the first runs measured
            // 62 orders/s at 21.7 CPU-ms per order, with 120 s 205/s at 9.5 (the peers' share fell 3-4x).
            this.warmup = intArg(args, "--warmup=", 120);
            this.shopperCount = intArg(args, "--shoppers=", 200);
            this.skuCount = intArg(args, "--skus=", 5);
        }

        /** One call of one client: the status it was answered (-1: no answer). */
        private interface Operation {
            int run() throws Exception;
        }

        /** What one kind of call measured: latencies of its successes, errors by status, CPU per process. */
        private static final class Figures {
            private final List<double[]> parts = new ArrayList<>();
            private final Map<Integer, Long> errors = new TreeMap<>();
            private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
            private long count;
            private double activeSeconds;

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

            String cpuPerSuccess() {
                return ProcessCpu.perOperation(cpuSeconds, count);
            }
        }

        private boolean run() throws Exception {
            System.out.printf(
                    "checkout benchmark: %d concurrent clients, %d shoppers, %d SKUs, %d s per measurement, %d cores%n",
                    clients,
                    shopperCount,
                    skuCount,
                    seconds,
                    Runtime.getRuntime().availableProcessors());
            registerShoppers();
            stockSkus();

            Operation checkout = this::checkout;
            Operation reserve = this::reserve;
            System.out.printf("warm-up: %d s of each, untimed ...%n", warmup);
            Figures warmCheckout = new Figures();
            saturated(checkout, warmup, warmCheckout);
            saturated(reserve, warmup, new Figures());
            if (!warmCheckout.errors.isEmpty()) {
                System.out.printf(
                        "warm-up: %d checkouts 201, errors by status %s%n", warmCheckout.count, warmCheckout.errors);
            }

            System.out.printf(
                    "measured from %s: slices of %d s alternating until each has had %d s ...%n",
                    java.time.LocalTime.now().withNano(0), slice, seconds);
            Figures checkouts = new Figures();
            Figures reservations = new Figures();
            for (int done = 0; done < seconds; done += slice) {
                int length = Math.min(slice, seconds - done);
                saturated(checkout, length, checkouts);
                saturated(reserve, length, reservations);
            }

            System.out.println();
            System.out.printf("%-62s %10s %9s %9s %9s%n", "", "per s", "p50 ms", "p99 ms", "max ms");
            print("checkout  POST /api/orders (201 PAYMENT_PENDING)", checkouts);
            print("baseline  inventory POST /internal/inventory/reservations", reservations);
            System.out.printf(
                    "errors by status: checkout %s, baseline %s%n",
                    checkouts.errors.isEmpty() ? "none" : checkouts.errors,
                    reservations.errors.isEmpty() ? "none" : reservations.errors);
            System.out.println("CPU ms per 201 (this JVM = order-service and the clients' threads):");
            System.out.println("  checkout: " + checkouts.cpuPerSuccess());
            System.out.println("  baseline: " + reservations.cpuPerSuccess());

            System.out.printf("measured until %s%n", java.time.LocalTime.now().withNano(0));
            boolean noOversell = oversoldCheck();
            double ratio = checkouts.perSecond() / reservations.perSecond();
            System.out.println();
            System.out.printf(
                    "checkout throughput %.0f orders/s (target >= 250 on 2 cores): %s; %.2fx the reserve step alone (%.0f/s)%n",
                    checkouts.perSecond(),
                    checkouts.perSecond() >= 250 ? "PASS" : "FAIL",
                    ratio,
                    reservations.perSecond());
            System.out.printf("oversold: %s%n", noOversell ? "0 (PASS)" : "CHECK FAILED (see above)");
            return noOversell;
        }

        // ------------------------------------------------------------------------------------------
        // Set-up

        /** Shoppers registered in user-service with a metro default address; each a JWT of their id. */
        private void registerShoppers() throws Exception {
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < shopperCount; i++) {
                    ids.add(pool.submit(() -> users.register(ServiceabilityNetwork.METRO)));
                }
                List<String> tokens = new ArrayList<>();
                Instant expiry = Instant.now().plus(Duration.ofHours(2));
                for (Future<String> id : ids) {
                    tokens.add("Bearer " + TestJwts.token(id.get(), expiry));
                }
                bearers = List.copyOf(tokens);
            } finally {
                pool.shutdownNow();
            }
            System.out.printf(
                    "shoppers: %d registered with a default address at %s (%.0f s)%n",
                    shopperCount, ServiceabilityNetwork.METRO, (System.nanoTime() - t0) / 1e9);
        }

        /** The SKUs and the baseline's, stocked in the metro warehouse, once serviceability delivers them. */
        private void stockSkus() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i <= skuCount; i++) {
                String itemId = items.sendAndAwait(items.item("bench-" + run + "-" + i)
                        .price(PRICE_MINOR)
                        .sizeClass(SizeClass.SMALL)
                        .build());
                inventory.stock(ServiceabilityNetwork.WAREHOUSE, itemId, PLENTY);
                ids.add(itemId);
            }
            Awaitility.await("the SKUs deliverable to the metro")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> serviceability.deliversAll(ServiceabilityNetwork.METRO, ids));
            skus = List.copyOf(ids.subList(0, skuCount));
            skus.forEach(sku -> taken.put(sku, new LongAdder()));
            baselineSku = ids.get(skuCount);
            System.out.printf(
                    "SKUs: %d with %d units each in %s, and the baseline's; serviceability delivers them to %s%n",
                    skuCount, PLENTY, ServiceabilityNetwork.WAREHOUSE, ServiceabilityNetwork.METRO);
        }

        // ------------------------------------------------------------------------------------------
        // The calls

        /** One order: the next shopper, 1 unit of a random SKU, a fresh key. */
        private int checkout() throws Exception {
            String bearer = bearers.get((int) (nextShopper.getAndIncrement() % bearers.size()));
            String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(orders + "/api/orders"))
                            .header("Authorization", bearer)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"itemId\":\"" + sku
                                    + "\",\"quantity\":1}],\"paymentMethod\":\"UPI\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                taken.get(sku).increment();
            }
            return response.statusCode();
        }

        /** The baseline: 1 unit of the baseline's SKU reserved for a new order id, in inventory-service. */
        private int reserve() throws Exception {
            String orderId = "bench-" + run + "-" + reservationIds.incrementAndGet();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(inventory.baseUrl() + "/internal/inventory/reservations"))
                            .header("X-Internal-Token", CheckoutPeers.INTERNAL_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId
                                    + "\",\"lines\":[{\"itemId\":\"" + baselineSku
                                    + "\",\"quantity\":1,\"warehouseIds\":[\"" + ServiceabilityNetwork.WAREHOUSE
                                    + "\"]}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                baselineReserved.increment();
            }
            return response.statusCode();
        }

        // ------------------------------------------------------------------------------------------
        // The check

        /**
         * Per SKU: inventory's reserved + sold in the metro warehouse equals the 201s taken for it, order-service
         * holds that many PAYMENT_PENDING orders of it, and it is never more than was received; the baseline's SKU
         * reserved exactly its 201s.
         */
        private boolean oversoldCheck() {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            System.out.println();
            System.out.printf(
                    "oversold check (every order of the run, warm-up included; orders by status: %s):%n",
                    jdbc.sql("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status")
                            .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                            .list());
            boolean right = true;
            for (String sku : skus) {
                List<Long> level = inventory.levels(sku).get(ServiceabilityNetwork.WAREHOUSE);
                long onHand = level.get(0);
                long held = level.get(1) + level.get(2);
                long answered = taken.get(sku).sum();
                long pending = jdbc.sql("""
                                SELECT COUNT(*) FROM orders o JOIN order_line l ON l.order_id = o.id
                                WHERE l.item_id = ? AND o.status = 'PAYMENT_PENDING'""").param(sku).query(Long.class).single();
                boolean skuRight = held == answered && pending == answered && held <= onHand;
                right &= skuRight;
                System.out.printf(
                        "  %s: %d checkouts 201, %d orders PAYMENT_PENDING; inventory received %d, reserved %d, sold %d: %s%n",
                        sku, answered, pending, onHand, level.get(1), level.get(2), skuRight ? "PASS" : "FAIL");
            }
            List<Long> baseline = inventory.levels(baselineSku).get(ServiceabilityNetwork.WAREHOUSE);
            boolean baselineRight = baseline.get(1) == baselineReserved.sum() && baseline.get(2) == 0;
            System.out.printf(
                    "  baseline %s: %d reservations 201; inventory reserved %d, sold %d: %s%n",
                    baselineSku,
                    baselineReserved.sum(),
                    baseline.get(1),
                    baseline.get(2),
                    baselineRight ? "PASS" : "FAIL");
            return right && baselineRight;
        }

        // ------------------------------------------------------------------------------------------
        // Load

        /**
         * Every client runs the operation back to back for {@code forSeconds}: latencies of its 201s, other
         * answers counted by status, and the CPU each process used meanwhile.
         */
        private void saturated(Operation operation, int forSeconds, Figures figures) throws Exception {
            // A new client each time: a connection idle while the other kind ran could be closed by the server
            // as the next POST goes out on it (the client retries only GETs).
            http = newClient();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
            List<Future<double[]>> results = new ArrayList<>();
            long[] window = new long[2];
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long end = window[1];
                    double[] latencies = new double[1024];
                    int n = 0;
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        int status;
                        try {
                            status = operation.run();
                        } catch (IOException noAnswer) {
                            status = -1;
                        }
                        if (status != 201) {
                            errors.computeIfAbsent(status, s -> new LongAdder()).increment();
                            continue;
                        }
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
            try {
                for (Future<double[]> result : results) {
                    double[] part = result.get();
                    figures.parts.add(part);
                    figures.count += part.length;
                }
            } finally {
                pool.shutdownNow();
            }
            figures.activeSeconds += (System.nanoTime() - window[0]) / 1e9;
            errors.forEach((status, n) -> figures.errors.merge(status, n.sum(), Long::sum));
            CPU.addSince(cpuBefore, figures.cpuSeconds);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static void print(String label, Run.Figures figures) {
        double[] sorted = figures.sorted();
        if (sorted.length == 0) {
            System.out.printf("%-62s %10s%n", label, "no 201 at all");
            return;
        }
        System.out.printf(
                "%-62s %10.0f %9.1f %9.1f %9.1f%n",
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
