package dev.bazaar.user.cache;

import dev.bazaar.user.UsersProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Cache-aside over Redis with version-stamped entries, so that no read started after a completed
 * write returns the value from before it.
 *
 * <p>Each cached value carries the version of the row it came from ({@code v:<version>:<payload>}).
 * A write commits to MariaDB, then replaces the entry with a <em>tombstone</em> carrying the new
 * version ({@code t:<version>:}), instead of deleting it. A reader that missed the cache before the
 * write and loaded the old row afterwards tries to store a version below the tombstone's: the
 * compare-and-set script refuses, so the old value never comes back after the eviction. Tombstones
 * live {@code tombstoneTtl}; a load older than {@code maxLoadAge} (far shorter) is never stored, so
 * an old load cannot outlive the tombstone that guards against it.
 *
 * <p>Stampedes: concurrent misses of one key in this instance share one database read
 * (single-flight); cached values expire with jitter so hot keys do not expire together. A reader
 * that joined a shared load checks it against the tombstone it saw and reads again if the load is
 * older than the write.
 *
 * <p>Redis down: {@link RedisGuard} sends every read to the loader; evictions that fail are kept and
 * replayed before Redis is used again.
 */
@Component
public class VersionedCache {

    /** A cached value and the row version it came from. */
    public record Entry(long version, String payload) {}

    // Stores ARGV[2] unless the key holds a value of the same or a newer version, or a tombstone of a newer one.
    private static final RedisScript<Long> SET_IF_NEWER = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if current then
              local kind, version = string.match(current, '^(%a):(%d+):')
              version = tonumber(version)
              local mine = tonumber(ARGV[1])
              if (kind == 'v' and version >= mine) or (kind == 't' and version > mine) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    // Puts a tombstone unless the key already holds something at least as new.
    private static final RedisScript<Long> TOMBSTONE = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if current then
              local version = tonumber(string.match(current, '^%a:(%d+):'))
              if version and version >= tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], 't:' .. ARGV[1] .. ':', 'PX', ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final UsersProperties.Cache settings;
    private final Map<String, CompletableFuture<Entry>> inflight = new ConcurrentHashMap<>();
    private final Map<String, Long> pendingEvictions = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypassed;

    VersionedCache(StringRedisTemplate redis, RedisGuard guard, UsersProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.guard = guard;
        this.settings = properties.cache();
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.bypassed = counter(meters, "bypass");
        guard.onRecovery(this::replayPendingEvictions);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("users.cache.requests")
                .tag("result", result)
                .description("User cache lookups: hit, miss (loaded from MariaDB) or bypass (Redis unavailable)")
                .register(meters);
    }

    /** The cached entry for key, or the loader's (null: nothing to cache, e.g. no such user). */
    public Entry get(String key, Supplier<Entry> loader) {
        if (!guard.available()) {
            bypassed.increment();
            return loader.get();
        }
        String raw;
        try {
            raw = redis.opsForValue().get(guard.key(key));
        } catch (RuntimeException e) {
            guard.failed(e);
            bypassed.increment();
            return loader.get();
        }
        if (raw != null && raw.startsWith("v:")) {
            hits.increment();
            return parse(raw);
        }
        misses.increment();
        long floor = raw == null ? 0 : version(raw);
        Entry loaded = loadOnce(key, loader);
        // A shared load may have read the row before the write whose tombstone this reader saw.
        return loaded != null && loaded.version() < floor ? loader.get() : loaded;
    }

    /** Call after the write committed, before answering the writer. */
    public void evict(String key, long newVersion) {
        inflight.remove(key);
        if (!guard.available()) {
            pendingEvictions.merge(key, newVersion, Math::max);
            return;
        }
        try {
            tombstone(key, newVersion);
        } catch (RuntimeException e) {
            pendingEvictions.merge(key, newVersion, Math::max);
            guard.failed(e);
        }
    }

    private Entry loadOnce(String key, Supplier<Entry> loader) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inflight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            long started = System.nanoTime();
            Entry loaded = loader.get();
            if (loaded != null
                    && System.nanoTime() - started < settings.maxLoadAge().toNanos()) {
                store(key, loaded);
            }
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(key, mine);
        }
    }

    private void store(String key, Entry entry) {
        long ttl = settings.ttl().toMillis();
        ttl += ThreadLocalRandom.current().nextLong(ttl / 10 + 1);
        try {
            redis.execute(
                    SET_IF_NEWER,
                    List.of(guard.key(key)),
                    Long.toString(entry.version()),
                    "v:" + entry.version() + ":" + entry.payload(),
                    Long.toString(ttl));
        } catch (RuntimeException e) {
            guard.failed(e);
        }
    }

    private void tombstone(String key, long version) {
        redis.execute(
                TOMBSTONE,
                List.of(guard.key(key)),
                Long.toString(version),
                Long.toString(settings.tombstoneTtl().toMillis()));
    }

    // Runs before Redis is used again after an outage; any exception keeps the breaker open.
    private void replayPendingEvictions() {
        redis.execute((RedisCallback<String>) connection -> connection.ping());
        for (Map.Entry<String, Long> pending : pendingEvictions.entrySet()) {
            tombstone(pending.getKey(), pending.getValue());
            pendingEvictions.remove(pending.getKey(), pending.getValue());
        }
    }

    private static Entry parse(String raw) {
        int end = raw.indexOf(':', 2);
        return new Entry(Long.parseLong(raw.substring(2, end)), raw.substring(end + 1));
    }

    private static long version(String raw) {
        int end = raw.indexOf(':', 2);
        return end < 0 ? 0 : Long.parseLong(raw.substring(2, end));
    }
}
