package dev.bazaar.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import dev.bazaar.user.cache.UserChanges;
import dev.bazaar.user.cache.VersionedCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Cache-aside: after a write returns, no read started later sees the old value. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class CacheConsistencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    VersionedCache cache;

    @Autowired
    UserViews views;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    IsolatedNames names;

    @Autowired
    MeterRegistry meters;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    record Read(long startedAt, int seen) {}

    /** Reads that must have started after each write returned (and completed) before the next write. */
    static final int READS_AFTER_EACH_WRITE = 4;

    @Test
    void readersHammeringWhileAWriterUpdatesNeverSeeAnOlderValueAfterTheWriteReturned() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        int writes = 25;
        long[] writeDoneAt = new long[writes + 1];
        api.put("/api/users/me", Map.of("name", "n-0"), "Authorization", session.bearer());
        writeDoneAt[0] = System.nanoTime();
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        for (int r = 0; r < 8; r++) {
            readers.submit(() -> {
                while (writing.get()) {
                    long started = System.nanoTime();
                    HttpTestClient.Response me = api.get("/api/users/me", "Authorization", session.bearer());
                    reads.add(new Read(started, Integer.parseInt(me.text("name").substring(2))));
                }
                return null;
            });
        }
        for (int i = 1; i <= writes; i++) {
            // Every write is followed by reads that started after it returned: each is checked below.
            awaitReadsStartedAfter(reads, writeDoneAt[i - 1]);
            assertThat(api.put("/api/users/me", Map.of("name", "n-" + i), "Authorization", session.bearer())
                            .status())
                    .isEqualTo(200);
            writeDoneAt[i] = System.nanoTime();
        }
        awaitReadsStartedAfter(reads, writeDoneAt[writes]);
        writing.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(reads).hasSizeGreaterThanOrEqualTo((writes + 1) * READS_AFTER_EACH_WRITE);
        for (Read read : reads) {
            int newestCompleted = 0;
            for (int i = 1; i <= writes; i++) {
                if (writeDoneAt[i] < read.startedAt()) {
                    newestCompleted = i;
                }
            }
            assertThat(read.seen())
                    .as("a read started after write %d returned", newestCompleted)
                    .isGreaterThanOrEqualTo(newestCompleted);
        }
        assertThat(api.get("/api/users/me", "Authorization", session.bearer()).text("name"))
                .isEqualTo("n-" + writes);
    }

    @Test
    void aReaderThatLoadedTheOldRowBeforeTheWriteCannotPutItBackAfterTheEviction() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        String key = UserChanges.key(session.userId());
        CountDownLatch loadedOldRow = new CountDownLatch(1);
        CountDownLatch writeDone = new CountDownLatch(1);
        // The slow reader: misses, reads MariaDB (old name), then stalls until the write has returned.
        CompletableFuture<VersionedCache.Entry> slowReader = CompletableFuture.supplyAsync(() -> cache.get(key, () -> {
            UserView old = views.loadFromDatabase(session.userId()).orElseThrow();
            loadedOldRow.countDown();
            await(writeDone);
            return new VersionedCache.Entry(
                    old.version(), "{\"id\":\"" + old.id() + "\",\"name\":\"" + old.name() + "\"}");
        }));
        assertThat(loadedOldRow.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(api.put("/api/users/me", Map.of("name", "New Name"), "Authorization", session.bearer())
                        .status())
                .isEqualTo(200);
        writeDone.countDown();
        assertThat(slowReader.get(10, TimeUnit.SECONDS).payload()).contains("Test User");

        // The stale value was refused: Redis still holds the tombstone of the newer version.
        assertThat(redis.opsForValue().get(names.redisKeyPrefix() + key)).startsWith("t:");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/users/me", "Authorization", session.bearer())
                            .text("name"))
                    .isEqualTo("New Name");
        }
        assertThat(redis.opsForValue().get(names.redisKeyPrefix() + key))
                .startsWith("v:")
                .contains("New Name");
    }

    @Test
    void concurrentMissesOfOneKeyShareOneDatabaseRead() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        String key = UserChanges.key(session.userId());
        int callers = 16;
        var loads = new java.util.concurrent.atomic.AtomicInteger();
        Set<Thread> callerThreads = ConcurrentHashMap.newKeySet();
        double missesBefore = misses();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<java.util.concurrent.Future<VersionedCache.Entry>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                callerThreads.add(Thread.currentThread());
                start.await();
                return cache.get(key, () -> {
                    loads.incrementAndGet();
                    // The load lasts until every other caller has missed and waits for a load: with
                    // single-flight they all wait on this one; without it none waits and this gives up.
                    holdUntil(() -> misses() >= missesBefore + callers
                            && callerThreads.stream()
                                    .filter(caller -> caller != Thread.currentThread())
                                    .allMatch(caller -> caller.getState() == Thread.State.WAITING));
                    return new VersionedCache.Entry(1, "{}");
                });
            }));
        }
        start.countDown();
        for (var result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(loads.get()).isEqualTo(1);
        assertThat(api.get("/actuator/prometheus").body())
                .contains("users_cache_requests_total{result=\"hit\"}")
                .contains("users_cache_requests_total{result=\"miss\"}");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (up to 30 s) until {@link #READS_AFTER_EACH_WRITE} reads that started after {@code nanoTime} have completed. */
    private static void awaitReadsStartedAfter(List<Read> reads, long nanoTime) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .until(() -> {
                    synchronized (reads) {
                        return reads.stream()
                                        .filter(read -> read.startedAt() > nanoTime)
                                        .count()
                                >= READS_AFTER_EACH_WRITE;
                    }
                });
    }

    private double misses() {
        return meters.get("users.cache.requests")
                .tag("result", "miss")
                .counter()
                .count();
    }

    /**
     * Spins in the calling thread (which stays RUNNABLE, never WAITING like a caller parked on a shared
     * load) until the condition holds or 10 s have passed; the test's assertions then judge what happened.
     */
    private static void holdUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
