package dev.bazaar.bench.catalogue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Imports N Flipkart-shaped rows end to end (supplier CSV → inbound-service → supplier.items.v1 →
 * item-service → MongoDB) and, in the same run, the baseline the issue sets: producing the same
 * rows raw to Kafka plus bulk-inserting them raw into MongoDB, in {@code --rounds} rounds (3) of
 * baseline-then-import with new items each; the median ratio is the result. Run by
 * {@code ./bazaar bench catalogue-import}, which starts what it needs.
 */
public final class CatalogueImportBenchmark {

    private static final String SUPPLIER_ITEMS = "supplier.items.v1";
    private static final String ITEM_SERVICE_GROUP = "item-service";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        // A full-size round: after 20,000 rows the services still spent twice the CPU of later
        // rounds on the first measured one (JIT), which then set the median's floor.
        int warmupRows = Integer.parseInt(options.getOrDefault("warmup-rows", Integer.toString(rows)));
        String runId = Long.toString(System.currentTimeMillis(), 36);

        if (warmupRows > 0) {
            // Both sides start cold (this JVM, the services' JITs): a first, unmeasured round brings
            // each to the steady state a running shop is in, so the figures compare code, not warm-up.
            System.out.printf("warm-up: %,d rows through both paths (not counted)%n", warmupRows);
            measure(options, warmupRows, runId + "w");
            System.out.println();
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        // Several rounds, each a baseline then an import of new items, because this box's speed drifts
        // by a fifth from one minute to the next; the median ratio is the figure.
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "catalogue import benchmark: %,d rows, run %s, round %d of %d%n", rows, runId, round, rounds);
            Figures figures = measure(options, rows, runId + "r" + round);
            double baseline = rows / figures.baselineSeconds();
            double endToEnd = rows / figures.endToEndSeconds();
            ratios.add(endToEnd / baseline);
            System.out.println();
            System.out.printf("  baseline (raw Kafka + raw Mongo)  %,10.0f rows/s%n", baseline);
            System.out.printf(
                    "  end to end (inbound → item)       %,10.0f rows/s  (%.1f s)%n",
                    endToEnd, figures.endToEndSeconds());
            System.out.printf("  ratio                             %10.2f x%n%n", endToEnd / baseline);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        System.out.printf(
                "ratio per round: %s; median %.2f x (target ≥ 0.50 x)%n",
                ratios.stream().map(ratio -> String.format("%.2f", ratio)).toList(), median);
    }

    private record Figures(double baselineSeconds, double endToEndSeconds) {}

    private static Figures measure(Map<String, String> options, int rows, String runId) throws Exception {
        var data = new FlipkartShapedRows(runId);
        double kafkaSeconds = rawKafkaProduce(options.getOrDefault("kafka", "127.0.0.1:19092"), data, rows, runId);
        double mongoSeconds;
        try (MongoClient mongo = MongoClients.create(options.getOrDefault("mongo", "mongodb://127.0.0.1:27018"))) {
            mongoSeconds = rawMongoBulkInsert(mongo, data, rows, runId);
        }
        System.out.printf("  baseline raw Kafka produce   %7.1f s%n", kafkaSeconds);
        System.out.printf("  baseline raw Mongo insert    %7.1f s%n", mongoSeconds);

        Path csv = data.writeCsv(rows);
        try (MongoClient mongo = MongoClients.create(options.getOrDefault("mongo", "mongodb://127.0.0.1:27018"))) {
            MongoCollection<Document> items = mongo.getDatabase(options.getOrDefault("items-db", "items"))
                    .getCollection(options.getOrDefault("items-collection", "items"));
            return new Figures(kafkaSeconds + mongoSeconds, importEndToEnd(options, csv, items, data, rows));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double rawKafkaProduce(String bootstrap, FlipkartShapedRows data, int rows, String runId)
            throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        String topic = "bench.raw-items." + runId;
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int row = 0; row < rows; row++) {
                producer.send(new ProducerRecord<>(topic, data.sku(row), json(data.fields(row))));
            }
            producer.flush();
        }
        return seconds(start);
    }

    private static double rawMongoBulkInsert(MongoClient mongo, FlipkartShapedRows data, int rows, String runId) {
        MongoCollection<Document> raw = mongo.getDatabase("bench").getCollection("raw_items_" + runId);
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>(1_000);
        for (int row = 0; row < rows; row++) {
            batch.add(document(data.fields(row)));
            if (batch.size() == 1_000) {
                raw.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            raw.insertMany(batch);
        }
        double seconds = seconds(start);
        raw.drop();
        return seconds;
    }

    private static double importEndToEnd(
            Map<String, String> options, Path csv, MongoCollection<Document> items, FlipkartShapedRows data, int rows)
            throws Exception {
        String inbound = options.getOrDefault("inbound", "http://127.0.0.1:8083");
        Path home = Path.of(System.getenv().getOrDefault("BAZAAR_HOME", ".bazaar"));
        Path keyFile = Path.of(options.getOrDefault("api-key-file", home + "/inbound/demo-api-key"));
        var cpu = new ProcessCpu(home);
        String apiKey = Files.readString(keyFile).trim();
        var http = HttpClient.newHttpClient();
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("kafka", "127.0.0.1:19092")))) {
            long offsetsBefore = endOffsets(admin);
            Map<String, Double> cpuBefore = cpu.snapshot();
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(URI.create(inbound + "/api/supplier/catalog"))
                            .header("Content-Type", "text/csv")
                            .header("X-Api-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofFile(csv))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
            }
            System.out.printf("  import accepted after %.1f s: %s%n", seconds(start), accepted.body());
            // Done when item-service's consumer group has processed every record of this import.
            // Polling Kafka offsets costs the stores nothing, unlike counting documents while they are written.
            // Every 100 ms: the end is seen on average 50 ms late (it was 125 ms, ~1.5 % of a round, at 250 ms).
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            long lastReport = 0;
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("import not consumed by item-service within 30 minutes");
                }
                Thread.sleep(100);
                long end = endOffsets(admin);
                long consumed = committedOffsets(admin);
                if (end - offsetsBefore >= rows && consumed >= end) {
                    break;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = System.nanoTime();
                    System.out.printf(
                            "  %6.1f s: %,d of %,d rows on supplier.items.v1, item-service %,d behind%n",
                            seconds(start), end - offsetsBefore, rows, end - consumed);
                }
            }
            double seconds = seconds(start);
            ProcessCpu.printDelta(cpuBefore, cpu.snapshot(), seconds);
            long stored = countStored(items, data.runId());
            System.out.printf("  %,d items of this run stored in item-service%n", stored);
            if (stored != rows) {
                throw new IllegalStateException("expected " + rows + " items, found " + stored);
            }
            return seconds;
        }
    }

    /**
     * Counts by iterating ids only: mongo-java-server's countDocuments materialises every matching
     * document at once, which takes more heap than the local server has for 100,000 items.
     */
    private static long countStored(MongoCollection<Document> items, String runId) {
        long stored = 0;
        for (Document ignored : items.find(Filters.regex("supplierSku", "^BENCH-" + runId + "-"))
                .projection(Projections.include("_id"))
                .batchSize(10_000)) {
            stored++;
        }
        return stored;
    }

    private static long endOffsets(Admin admin) throws Exception {
        var partitions =
                admin
                        .describeTopics(List.of(SUPPLIER_ITEMS))
                        .allTopicNames()
                        .get()
                        .get(SUPPLIER_ITEMS)
                        .partitions()
                        .stream()
                        .collect(Collectors.toMap(
                                p -> new TopicPartition(SUPPLIER_ITEMS, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    private static long committedOffsets(Admin admin) throws Exception {
        return admin
                .listConsumerGroupOffsets(ITEM_SERVICE_GROUP)
                .partitionsToOffsetAndMetadata()
                .get()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().topic().equals(SUPPLIER_ITEMS) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    private static byte[] json(String[] fields) {
        var json = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(FlipkartShapedRows.COLUMNS[i])
                    .append("\":\"")
                    .append(fields[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Document document(String[] fields) {
        var document = new Document();
        for (int i = 0; i < fields.length; i++) {
            document.append(FlipkartShapedRows.COLUMNS[i], fields[i]);
        }
        return document;
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --rows=100000, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private CatalogueImportBenchmark() {}
}
