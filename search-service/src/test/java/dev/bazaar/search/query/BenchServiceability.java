package dev.bazaar.search.query;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.testing.KafkaEvents;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The real serviceability-service for the search benchmark's pincode queries: its jar started as a
 * process of its own (full JIT, as in production) with its generated demo network, on names of the
 * benchmark's own (database {@value #DATABASE}, Redis prefix {@value #REDIS_PREFIX}, topics under
 * {@code bench.}), kept between runs like the bench index. It learns the size class and stock of
 * the items of the catalogue's tail brands ({@link #stockedBrand}) from the CatalogItemChanged and
 * StockChanged events item-service and inventory-service would publish: each in Mumbai's warehouse,
 * every other one in Delhi's as well. The pincode queries filter on those brands, so every hit they
 * ask about is a stocked item serviceability knows.
 */
final class BenchServiceability implements AutoCloseable {

    static final String DATABASE = "bench_search_logistics";
    static final String REDIS_PREFIX = "bench-search:";
    /** Brands from this index of {@link BenchCatalogue#brands} on (its long tail: about 1.2 % of items). */
    static final int TAIL_FROM = 150;

    static final String METRO = "400001";
    static final String HILLS = "737001";
    static final String REMOTE = "744101";

    private final Process process;
    private final String baseUrl;
    private final HttpClient http;

    private BenchServiceability(Process process, String baseUrl, HttpClient http) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    static boolean stockedBrand(BenchCatalogue catalogue, String brand) {
        return catalogue.brands.indexOf(brand) >= TAIL_FROM;
    }

    /** Starts serviceability-service from {@code serviceability-service/target} of the checkout. */
    static BenchServiceability start(HttpClient http, String kafka, String topicPrefix) throws Exception {
        Path module = repository().resolve("serviceability-service");
        Path jar;
        try (var files = Files.list(module.resolve("target"))) {
            jar = files.filter(
                            f -> f.toString().endsWith(".jar") && !f.toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException(
                                    "no serviceability-service jar: ./mvnw -pl serviceability-service -am package -DskipTests"));
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String host = env("BAZAAR_HOST", "127.0.0.1");
        Path log = module.resolve("target").resolve("bench-search-serviceability.log");
        Process process = new ProcessBuilder(
                        "java",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.profiles.active=local",
                        "--logging.structured.format.console=",
                        "--logging.level.root=WARN",
                        "--management.tracing.sampling.probability=0.0",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--bazaar.kafka.topic-prefix=" + topicPrefix,
                        "--spring.kafka.consumer.group-id=bench-search-serviceability",
                        "--spring.datasource.url=jdbc:mariadb://" + host + ":" + env("BAZAAR_MARIADB_PORT", "13306")
                                + "/" + DATABASE + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + host,
                        "--spring.data.redis.port=" + env("BAZAAR_REDIS_PORT", "16379"),
                        "--bazaar.redis.key-prefix=" + REDIS_PREFIX,
                        "--bazaar.serviceability.demo.enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var service = new BenchServiceability(process, "http://127.0.0.1:" + port, http);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Instant deadline = Instant.now().plusSeconds(120);
        while (!service.healthy()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroy();
                throw new IllegalStateException("serviceability-service did not start; see " + log);
            }
            Thread.sleep(250);
        }
        return service;
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * Tells serviceability about the tail brands' items (unless it already delivers them all, from an
     * earlier run's database) and waits until it answers every one deliverable to Mumbai.
     * @return the number of stocked items
     */
    int stock(BenchCatalogue catalogue, int items, String topicPrefix) throws Exception {
        List<Map<String, Object>> stocked = new ArrayList<>();
        Random random = new Random(SearchBenchmark.CATALOGUE_SEED);
        for (int n = 0; n < items; n++) {
            Map<String, Object> doc = catalogue.document(n, random);
            if (stockedBrand(catalogue, (String) doc.get("brand"))) {
                stocked.add(doc);
            }
        }
        List<String> ids = stocked.stream().map(d -> (String) d.get("itemId")).toList();
        if (deliversAll(ids)) {
            return ids.size();
        }
        long start = System.nanoTime();
        try (KafkaEvents events = KafkaEvents.open("bench")) {
            for (int i = 0; i < stocked.size(); i++) {
                Map<String, Object> doc = stocked.get(i);
                String id = (String) doc.get("itemId");
                @SuppressWarnings("unchecked")
                List<String> path = (List<String>) doc.get("categoryPath");
                var item = new CanonicalItem(
                        id,
                        (String) doc.get("supplierId"),
                        "bench-" + id,
                        1,
                        (String) doc.get("title"),
                        (String) doc.get("brand"),
                        path,
                        Money.inr((Long) doc.get("priceMinor")),
                        null,
                        List.of(),
                        "",
                        Map.of(),
                        SizeClass.valueOf((String) doc.get("sizeClass")),
                        true);
                events.publish(
                        topicPrefix,
                        new CatalogItemChanged(
                                UUID.randomUUID(), Instant.now(), CatalogItemChanged.Change.CREATED, item));
                events.publish(
                        topicPrefix, new StockChanged(UUID.randomUUID(), Instant.now(), id, "WH-BOM", 20, 20, 1));
                if (i % 2 == 0) {
                    events.publish(
                            topicPrefix, new StockChanged(UUID.randomUUID(), Instant.now(), id, "WH-DEL", 10, 30, 2));
                }
            }
        }
        Instant deadline = Instant.now().plusSeconds(300);
        while (!deliversAll(ids)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("serviceability-service did not learn the stocked items in 300 s");
            }
            Thread.sleep(500);
        }
        System.out.printf(
                "serviceability: %,d items stocked (events sent and consumed) in %.1f s%n",
                ids.size(), (System.nanoTime() - start) / 1e9);
        return ids.size();
    }

    private boolean deliversAll(List<String> ids) throws Exception {
        for (int from = 0; from < ids.size(); from += 100) {
            String body = SearchBenchmark.JSON.writeValueAsString(
                    Map.of("pincode", METRO, "itemIds", ids.subList(from, Math.min(ids.size(), from + 100))));
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/serviceability/batch"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            for (JsonNode item : SearchBenchmark.JSON.readTree(response.body()).path("items")) {
                if (!item.path("deliverable").booleanValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean healthy() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The checkout: the working directory or the nearest parent holding serviceability-service. */
    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("serviceability-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the Bazaar checkout (no serviceability-service directory above "
                + Path.of("").toAbsolutePath() + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
