package dev.bazaar.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.user.Api;
import dev.bazaar.user.cache.UserChanges;
import dev.bazaar.user.cache.VersionedCache;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Cache-aside: after a write returns, no read started later sees the old value. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({ LocalServer.MARIADB, LocalServer.REDIS })
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

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    record Read(long startedAt, int seen) {
    }

    @Test
    void readersHammeringWhileAWriterUpdatesNeverSeeAnOlderValueAfterTheWriteReturned() throws Exception {
        Api.Session session = api.newUser();
        api.put("/api/users/me", Map.of("name", "n-0"), "Authorization", session.bearer());
        int writes = 25;
        long[] writeDoneAt = new long[writes + 1];
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        for (int r = 0; r < 8; r++) {
            readers.submit(() -> {
                while (writing.get()) {
                    long started = System.nanoTime();
                    Api.Response me = api.get("/api/users/me", "Authorization", session.bearer());
                    reads.add(new Read(started, Integer.parseInt(me.text("name").substring(2))));
                }
                return null;
            });
        }
        for (int i = 1; i <= writes; i++) {
            Thread.sleep(15);
            assertThat(api.put("/api/users/me", Map.of("name", "n-" + i), "Authorization", session.bearer()).status())
                    .isEqualTo(200);
            writeDoneAt[i] = System.nanoTime();
        }
        Thread.sleep(50);
        writing.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(reads).hasSizeGreaterThan(100);
        for (Read read : reads) {
            int newestCompleted = 0;
            for (int i = 1; i <= writes; i++) {
                if (writeDoneAt[i] < read.startedAt()) {
                    newestCompleted = i;
                }
            }
            assertThat(read.seen()).as("a read started after write %d returned", newestCompleted)
                    .isGreaterThanOrEqualTo(newestCompleted);
        }
        assertThat(api.get("/api/users/me", "Authorization", session.bearer()).text("name")).isEqualTo("n-" + writes);
    }

    @Test
    void aReaderThatLoadedTheOldRowBeforeTheWriteCannotPutItBackAfterTheEviction() throws Exception {
        Api.Session session = api.newUser();
        String key = UserChanges.key(session.userId());
        CountDownLatch loadedOldRow = new CountDownLatch(1);
        CountDownLatch writeDone = new CountDownLatch(1);
        // The slow reader: misses, reads MariaDB (old name), then stalls until the write has returned.
        CompletableFuture<VersionedCache.Entry> slowReader = CompletableFuture.supplyAsync(() -> cache.get(key, () -> {
            UserView old = views.loadFromDatabase(session.userId()).orElseThrow();
            loadedOldRow.countDown();
            await(writeDone);
            return new VersionedCache.Entry(old.version(), "{\"id\":\"" + old.id() + "\",\"name\":\"" + old.name() + "\"}");
        }));
        assertThat(loadedOldRow.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(api.put("/api/users/me", Map.of("name", "New Name"), "Authorization", session.bearer()).status())
                .isEqualTo(200);
        writeDone.countDown();
        assertThat(slowReader.get(10, TimeUnit.SECONDS).payload()).contains("Test User");

        // The stale value was refused: Redis still holds the tombstone of the newer version.
        assertThat(redis.opsForValue().get(names.redisKeyPrefix() + key)).startsWith("t:");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/users/me", "Authorization", session.bearer()).text("name")).isEqualTo("New Name");
        }
        assertThat(redis.opsForValue().get(names.redisKeyPrefix() + key)).startsWith("v:").contains("New Name");
    }

    @Test
    void concurrentMissesOfOneKeyShareOneDatabaseRead() throws Exception {
        Api.Session session = api.newUser();
        String key = UserChanges.key(session.userId());
        var loads = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<VersionedCache.Entry>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache.get(key, () -> {
                    loads.incrementAndGet();
                    sleep(200);
                    return new VersionedCache.Entry(1, "{}");
                });
            }));
        }
        start.countDown();
        for (var result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).version()).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(loads.get()).isLessThanOrEqualTo(2);
        assertThat(api.get("/actuator/prometheus").raw().body()).contains("users_cache_requests_total{result=\"hit\"}")
                .contains("users_cache_requests_total{result=\"miss\"}");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
