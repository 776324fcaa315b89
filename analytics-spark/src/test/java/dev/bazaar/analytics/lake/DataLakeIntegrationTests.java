package dev.bazaar.analytics.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_micros;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.analytics.LocalSpark;
import dev.bazaar.analytics.kafka.PublishedEvents;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.CatalogItemChanged;
import dev.bazaar.contracts.inventory.StockChanged;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.contracts.payments.PaymentCompleted;
import dev.bazaar.contracts.shopping.CartChanged;
import dev.bazaar.contracts.shopping.SearchPerformed;
import dev.bazaar.contracts.shopping.WishlistChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lake sink on the local Kafka: the shop's events, published as the services publish them, land once
 * each in the events table, on a local path and on a real HDFS (a MiniDFSCluster in this JVM), and a
 * second run from the same checkpoint adds only what is new.
 */
class DataLakeIntegrationTests {

    private static final IsolatedNames NAMES = IsolatedNames.forTestClass(DataLakeIntegrationTests.class);
    private static final Path WORK =
            Path.of("target", "lake-tests", NAMES.base()).toAbsolutePath();
    // The day the tests' events straddle: a minute before and after the last UTC midnight (recent, so the
    // broker's time-based retention keeps the records).
    private static final Instant MIDNIGHT =
            LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();

    private static SparkSession spark;
    private static MiniDFSCluster hdfs;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws IOException {
        LocalServer.KAFKA.requireReachable();
        spark = LocalSpark.session();
        producer = PublishedEvents.producer(LocalServer.KAFKA.address());
        Configuration conf = new Configuration();
        // Everything on loopback and free ports; the web UIs are not needed and would take fixed ports.
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        hdfs = new MiniDFSCluster.Builder(conf, WORK.resolve("hdfs").toFile())
                .numDataNodes(1)
                .build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (hdfs != null) {
            hdfs.shutdown(true);
        }
    }

    @Test
    void landsEveryEventOnceOnALocalPath() throws Exception {
        Path lake = WORK.resolve("lake");
        // Written through a file: URI (the settings' default form), read as well through a plain path.
        List<LakeRow> landed =
                landsEveryEventOnce(NAMES.topicPrefix() + "local.", lake.toUri().toString());
        assertThat(lake(lake.toString())).containsExactlyInAnyOrderElementsOf(landed);
    }

    @Test
    void landsEveryEventOnceOnHdfs() throws Exception {
        landsEveryEventOnce(NAMES.topicPrefix() + "hdfs.", "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/bazaar");
    }

    /** Publishes, lands and checks the shop's events; returns what is in the lake. */
    private List<LakeRow> landsEveryEventOnce(String topicPrefix, String lakeUri) throws Exception {
        AnalyticsSettings settings = new AnalyticsSettings(
                LocalServer.KAFKA.address(),
                topicPrefix,
                lakeUri,
                lakeUri + "/_checkpoints",
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                10,
                true, // Trigger.AvailableNow: what Kafka holds now, then the query stops
                Duration.ofMinutes(1));
        assertThat(lake(lakeUri)).as("no lake yet: an empty table").isEmpty();
        List<LakeRow> expected = new ArrayList<>();
        for (IntegrationEvent event : shopEvents()) {
            send(PublishedEvents.record(settings.topic(event.topic()), event));
            expected.add(LakeRow.of(event));
        }
        // An event from a producer without ce_id and ce_time: its id from the JSON, its time Kafka's.
        UUID legacyId = UUID.randomUUID();
        Instant kafkaTime = MIDNIGHT.minus(2, ChronoUnit.HOURS);
        String legacyJson = "{\"eventId\":\"" + legacyId + "\",\"itemId\":\"item-7\"}";
        var legacy = new ProducerRecord<>(
                settings.topic(Topics.CART_EVENTS),
                null,
                kafkaTime.toEpochMilli(),
                "legacy",
                legacyJson.getBytes(StandardCharsets.UTF_8));
        legacy.headers().add(CloudEventHeaders.TYPE, "dev.bazaar.CartChanged".getBytes(StandardCharsets.UTF_8));
        send(legacy);
        expected.add(new LakeRow(
                legacyId.toString(),
                Topics.CART_EVENTS,
                "legacy",
                micros(kafkaTime),
                legacyJson,
                "CartChanged",
                LocalDate.ofInstant(kafkaTime, ZoneOffset.UTC).toString()));
        // Derived from the lake: not in it.
        send(PublishedEvents.record(
                settings.topic(Topics.ANALYTICS_REPORTS),
                new ReportPublished(
                        UUID.randomUUID(), MIDNIGHT, "most-bought", MIDNIGHT, MIDNIGHT.plusSeconds(1800), List.of())));

        runToTheEnd(settings);

        assertThat(lake(lakeUri)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(dataFileDirectories(lakeUri))
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(LakeRow::partition).collect(Collectors.toSet()));

        // More events, the same checkpoint: only they are written.
        List<IntegrationEvent> more =
                List.of(search("usb c cable", MIDNIGHT.plusSeconds(120)), placed(MIDNIGHT.plusSeconds(180)));
        for (IntegrationEvent event : more) {
            send(PublishedEvents.record(settings.topic(event.topic()), event));
            expected.add(LakeRow.of(event));
        }

        runToTheEnd(settings);

        assertThat(lake(lakeUri)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(LakeReader.events(spark, lakeUri, "OrderStatusChanged")
                        .select(LakeLayout.EVENT_ID)
                        .as(Encoders.STRING())
                        .collectAsList())
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .filter(row -> row.eventType().equals("OrderStatusChanged"))
                        .map(LakeRow::eventId)
                        .toList());
        return expected;
    }

    /** One of each kind of event the shop publishes, on both sides of midnight UTC. */
    private static List<IntegrationEvent> shopEvents() {
        Instant lastNight = MIDNIGHT.minusSeconds(60).plusNanos(123_456_000); // microseconds kept
        Instant justAfter = MIDNIGHT; // midnight itself is the new day
        CanonicalItem item = new CanonicalItem(
                "item-1",
                "supplier-1",
                "SKU-1",
                3,
                "Steel bottle",
                "Milton",
                List.of("Kitchen", "Bottles"),
                Money.inr(49_900),
                Money.inr(59_900),
                List.of(),
                "A bottle",
                Map.of("capacity", "1 l"),
                SizeClass.SMALL,
                true);
        return List.of(
                new CatalogItemChanged(UUID.randomUUID(), lastNight, CatalogItemChanged.Change.CREATED, item),
                new StockChanged(UUID.randomUUID(), lastNight, "item-1", "wh-1", 5, 12, 7),
                search("Steel Bottle", lastNight),
                new CartChanged(
                        UUID.randomUUID(),
                        lastNight,
                        null,
                        "guest-9",
                        CartChanged.Action.ADDED,
                        "item-1",
                        2,
                        Money.inr(49_900)),
                new WishlistChanged(
                        UUID.randomUUID(),
                        justAfter,
                        "user-1",
                        WishlistChanged.Action.ADDED,
                        "item-1",
                        Money.inr(49_900)),
                placed(justAfter.plusSeconds(5)),
                new PaymentCompleted(
                        UUID.randomUUID(),
                        justAfter.plusSeconds(6).plusNanos(987_654_321), // stored to the microsecond
                        "pay-1",
                        "order-1",
                        PaymentCompleted.Outcome.SUCCEEDED,
                        Money.inr(99_800),
                        null));
    }

    private static SearchPerformed search(String query, Instant at) {
        return new SearchPerformed(UUID.randomUUID(), at, "user-1", false, query, Map.of(), 4);
    }

    private static OrderStatusChanged placed(Instant at) {
        return new OrderStatusChanged(
                UUID.randomUUID(),
                at,
                "order-" + UUID.randomUUID(),
                "user-1",
                OrderStatus.PAYMENT_PENDING,
                OrderStatus.PLACED,
                null,
                List.of(new OrderLine("item-1", "supplier-1", "wh-1", 2, Money.inr(49_900), "Steel bottle")),
                Money.inr(99_800));
    }

    private static void send(ProducerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
        producer.send(record).get();
    }

    private static void runToTheEnd(AnalyticsSettings settings) throws StreamingQueryException, TimeoutException {
        StreamingQuery query = DataLake.start(spark, settings);
        try {
            assertThat(query.awaitTermination(Duration.ofMinutes(2).toMillis()))
                    .as("the lake query caught up and stopped")
                    .isTrue();
        } finally {
            query.stop();
        }
        assertThat(query.exception().isEmpty())
                .as("the lake query did not fail")
                .isTrue();
    }

    /** The table as {@link LakeReader} reads it (through the sink's log), one row per stored event. */
    private static List<LakeRow> lake(String lakeUri) {
        return LakeReader.events(spark, lakeUri)
                .select(
                        col(LakeLayout.EVENT_ID),
                        col(LakeLayout.TOPIC),
                        col(LakeLayout.KEY),
                        unix_micros(col(LakeLayout.OCCURRED_AT)),
                        col(LakeLayout.VALUE),
                        col(LakeLayout.EVENT_TYPE),
                        col(LakeLayout.EVENT_DATE).cast("string"))
                .collectAsList()
                .stream()
                .map(row -> new LakeRow(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)))
                .toList();
    }

    /**
     * The directories, relative to the table, that hold data files, through the Hadoop FileSystem of the
     * lake's URI (HDFS or local); each of those files must be Parquet (PAR1 at both ends).
     */
    private static Set<String> dataFileDirectories(String lakeUri) throws IOException {
        URI table = URI.create(LakeLayout.eventsPath(lakeUri));
        FileSystem fs = FileSystem.get(table, new Configuration());
        org.apache.hadoop.fs.Path root = fs.makeQualified(new org.apache.hadoop.fs.Path(table));
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(root, "_spark_metadata")))
                .as("the sink's commit log")
                .isTrue();
        Set<String> directories = new HashSet<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String relative = root.toUri().relativize(file.getPath().toUri()).getPath();
            if (relative.startsWith("_spark_metadata/")
                    || file.getPath().getName().startsWith(".")) {
                continue;
            }
            assertThat(magic(fs, file, 0)).as(relative).isEqualTo("PAR1");
            assertThat(magic(fs, file, file.getLen() - 4)).as(relative).isEqualTo("PAR1");
            directories.add(relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "");
        }
        return directories;
    }

    private static String magic(FileSystem fs, LocatedFileStatus file, long at) throws IOException {
        byte[] bytes = new byte[4];
        try (FSDataInputStream in = fs.open(file.getPath())) {
            in.readFully(at, bytes);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** A row of the events table, times as microseconds and days as ISO dates (no time-zone conversions). */
    private record LakeRow(
            String eventId,
            String topic,
            String key,
            long occurredAtMicros,
            String value,
            String eventType,
            String eventDate) {

        static LakeRow of(IntegrationEvent event) {
            try {
                return new LakeRow(
                        event.eventId().toString(),
                        event.topic(),
                        event.key(),
                        micros(event.occurredAt()),
                        PublishedEvents.json().writeValueAsString(event),
                        event.getClass().getSimpleName(),
                        LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC).toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        String partition() {
            return LakeLayout.EVENT_TYPE + "=" + eventType + "/" + LakeLayout.EVENT_DATE + "=" + eventDate;
        }
    }
}
