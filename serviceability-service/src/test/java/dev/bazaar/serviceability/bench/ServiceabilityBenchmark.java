package dev.bazaar.serviceability.bench;

import ch.qos.logback.classic.Level;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.demo.DemoNetwork;
import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.serviceability.lookup.ServiceabilityLookup;
import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixReport;
import dev.bazaar.serviceability.matrix.MatrixStore;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.NetworkRowParser;
import dev.bazaar.serviceability.network.Pincode;
import dev.bazaar.serviceability.network.RawRows;
import dev.bazaar.serviceability.tat.TatMatrix;
import dev.bazaar.serviceability.tat.TatUpdate;
import dev.bazaar.testing.SharedData;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code ./bazaar bench serviceability}: (1) precomputes the pincode x warehouse x size-class matrix
 * for the real pincode file (or 7,113 generated pincodes when the file is absent) and the 20 demo
 * warehouses, writing it to the local Redis, and prints entries/s; (2) changes one lane and prints
 * what the incremental update recomputed; (3) measures a 50-item batch lookup through the service's
 * own {@link ServiceabilityLookup} against real Redis, beside raw GETs of the same keys in the same
 * run. Keys live under a throw-away prefix and are deleted at the end.
 */
public final class ServiceabilityBenchmark {

    static final int BATCH = 50;
    static final int WARMUP = 5_000;
    static final int ITERATIONS = 20_000;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        String host = env("BAZAAR_REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("BAZAAR_REDIS_PORT", "16379"));
        Optional<Path> file = SharedData.file(SharedData.PINCODES);
        String prefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";

        List<Pincode> pincodes = loadPincodes(file);
        LogisticsNetwork network = DemoNetwork.generate(DemoNetwork.DEFAULT_SEED, pincodes);
        System.out.printf(
                "network: %,d pincodes, %d warehouses, %d hubs, %d lanes, %,d last-mile rows; Redis %s:%d%n",
                network.pincodes().size(),
                network.warehouses().size(),
                network.hubs().size(),
                network.lanes().size(),
                network.coverage().size(),
                host,
                port);

        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        factory.start();
        RedisClient raw = RedisClient.create(RedisURI.create(host, port));
        try (StatefulRedisConnection<byte[], byte[]> rawConnection = raw.connect(ByteArrayCodec.INSTANCE)) {
            MatrixStore store = new MatrixStore(factory, prefix);
            precompute(network, store);
            MatrixMaintainer maintainer = new MatrixMaintainer(store);
            maintainer.rebuild(network);
            incremental(network, maintainer);
            lookups(maintainer, store, rawConnection.sync());
            List<byte[]> keys = rawConnection.sync().keys((prefix + "*").getBytes());
            for (int i = 0; i < keys.size(); i += 1000) {
                rawConnection
                        .sync()
                        .del(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(byte[][]::new));
            }
        } finally {
            raw.shutdown();
            factory.destroy();
        }
    }

    private static List<Pincode> loadPincodes(Optional<Path> pincodeFile) throws Exception {
        if (pincodeFile.isEmpty()) {
            System.out.println(SharedData.missing(SharedData.PINCODES) + ": using 7,113 generated pincodes");
            return syntheticPincodes(7_113);
        }
        Path file = pincodeFile.get();
        NetworkRowParser parser = new NetworkRowParser(LogisticsNetwork.empty());
        List<Pincode> pincodes = parser.pincodes(RawRows.fromCsv(Files.readString(file)));
        System.out.printf(
                "pincodes: %,d valid rows from %s (%d rejected)%n",
                pincodes.size(), file, parser.errors().size());
        return pincodes;
    }

    private static List<Pincode> syntheticPincodes(int count) {
        Random random = new Random(7);
        List<Pincode> pincodes = new ArrayList<>();
        List<Pincode> anchors = DemoNetwork.pincodes(DemoNetwork.DEFAULT_SEED);
        for (int i = 0; i < count; i++) {
            Pincode near = anchors.get(random.nextInt(anchors.size()));
            pincodes.add(new Pincode(
                    String.valueOf(100_000 + i * 7),
                    near.state(),
                    near.latitude() + random.nextGaussian(),
                    near.longitude() + random.nextGaussian()));
        }
        return pincodes;
    }

    private static void precompute(LogisticsNetwork network, MatrixStore store) {
        long entries = (long) network.pincodes().size() * network.warehouses().size() * SizeClass.values().length;
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            TatUpdate update = TatMatrix.compute(network);
            long computed = System.nanoTime();
            store.write(update.matrix().rows(), update.removedRows());
            long written = System.nanoTime();
            double seconds = (written - start) / 1e9;
            System.out.printf(
                    "precompute run %d: %,d entries (%,d pincodes x %d warehouses x %d size classes) in %.3f s "
                            + "(shortest paths %.0f ms + Redis writes %.0f ms) = %,.0f entries/s  [target <= 60 s]%n",
                    run,
                    entries,
                    network.pincodes().size(),
                    network.warehouses().size(),
                    SizeClass.values().length,
                    seconds,
                    (computed - start) / 1e6,
                    (written - computed) / 1e6,
                    entries / seconds);
        }
    }

    private static void incremental(LogisticsNetwork network, MatrixMaintainer maintainer) {
        Lane lane = network.lanes()
                .get(new Lane.LaneKey(DemoNetwork.hubId("LKO"), DemoNetwork.hubId("PAT"), DemoNetwork.ROAD.code()));
        if (lane == null) {
            lane = network.lanes().values().stream()
                    .filter(l -> l.from().startsWith("HUB-"))
                    .findFirst()
                    .orElseThrow();
        }
        Lane slower = new Lane(lane.from(), lane.to(), lane.courier(), lane.transitHours() + 30, lane.maxSize());
        MatrixReport report =
                maintainer.apply(network.merge(List.of(), List.of(), List.of(), List.of(), List.of(slower), List.of()));
        System.out.printf(
                "incremental: lane %s -> %s +30 h recomputed %d of %d warehouses' trees, %,d of %,d pincodes, "
                        + "rewrote %,d rows in %d + %d ms%n",
                lane.from(),
                lane.to(),
                report.warehousesRecomputed(),
                network.warehouses().size(),
                report.pincodesRecomputed(),
                network.pincodes().size(),
                report.rowsWritten(),
                report.computeMillis(),
                report.writeMillis());
        maintainer.apply(network);
    }

    private static void lookups(MatrixMaintainer maintainer, MatrixStore store, RedisCommands<byte[], byte[]> raw) {
        Random random = new Random(11);
        ItemLocations items = new ItemLocations();
        List<String> warehouses = List.copyOf(maintainer.network().warehouses().keySet());
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            String itemId = UUID.nameUUIDFromBytes(("bench-" + i).getBytes()).toString();
            itemIds.add(itemId);
            items.applySize(itemId, SizeClass.values()[random.nextInt(4)], true, 1);
            for (int w = 0; w < 3; w++) {
                items.applyStock(itemId, warehouses.get(random.nextInt(warehouses.size())), 1 + random.nextInt(50), 1);
            }
        }
        ServiceabilityLookup lookup = new ServiceabilityLookup(store, maintainer, items);
        String[] pincodes = maintainer.network().pincodes().keySet().toArray(String[]::new);
        long[] service = new long[ITERATIONS];
        long[] redis = new long[ITERATIONS];
        Instant now = Instant.now();
        int deliverable = 0;
        long bytesRead = 0;
        for (int i = 0; i < WARMUP + ITERATIONS; i++) {
            String pincode = pincodes[random.nextInt(pincodes.length)];
            byte[] key = store.key(pincode);
            long t0 = System.nanoTime();
            var answers = lookup.check(pincode, itemIds, now);
            long t1 = System.nanoTime();
            bytesRead += raw.get(key).length;
            long t2 = System.nanoTime();
            if (i >= WARMUP) {
                service[i - WARMUP] = t1 - t0;
                redis[i - WARMUP] = t2 - t1;
                deliverable += answers.stream().filter(a -> a.deliverable()).count();
            }
        }
        Arrays.sort(service);
        Arrays.sort(redis);
        System.out.printf(
                "batch lookup (%d items, %,d iterations after %,d warm-up, %.0f%% of answers deliverable):%n",
                BATCH, ITERATIONS, WARMUP, 100.0 * deliverable / ITERATIONS / BATCH);
        System.out.printf("  (%,d matrix bytes read raw)%n", bytesRead);
        System.out.printf(
                "  service lookup  p50 %7.3f ms   p99 %7.3f ms   p99.9 %7.3f ms  [target p99 <= 2 ms]%n",
                ms(service, 0.50), ms(service, 0.99), ms(service, 0.999));
        System.out.printf(
                "  raw Redis GET   p50 %7.3f ms   p99 %7.3f ms   p99.9 %7.3f ms  (same keys, same run)%n",
                ms(redis, 0.50), ms(redis, 0.99), ms(redis, 0.999));
        System.out.printf("  service / raw at p99: %.2fx  [target <= 3x]%n", ms(service, 0.99) / ms(redis, 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private ServiceabilityBenchmark() {}
}
