package dev.bazaar.user.cache;

import dev.bazaar.starter.naming.BazaarRedisProperties;
import dev.bazaar.user.UsersProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A small circuit breaker in front of Redis. Redis is an optimisation here (cache, login throttle),
 * so after one failure every caller skips it for {@code retryAfter} instead of each waiting for a
 * timeout. Before Redis is used again, recovery tasks run (the cache replays the evictions it could
 * not make while Redis was away, so no stale entry is served after the outage).
 */
@Component
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final long retryAfterNanos;
    private final String keyPrefix;
    private final List<Runnable> recoveryTasks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Counter errors;
    private volatile boolean open;
    private volatile long retryAtNanos;
    private volatile String lastError;

    RedisGuard(UsersProperties properties, MeterRegistry meters, BazaarRedisProperties redis) {
        this.retryAfterNanos = properties.cache().retryAfter().toNanos();
        this.keyPrefix = redis.keyPrefix();
        this.errors = Counter.builder("users.redis.errors")
                .description("Redis calls that failed (the caller fell back)")
                .register(meters);
        Gauge.builder("users.redis.available", this, guard -> guard.open ? 0 : 1)
                .description("1 while reads use Redis, 0 while they bypass it")
                .register(meters);
    }

    /** Every key this service writes starts with this (tests isolate themselves by it). */
    public String key(String suffix) {
        return keyPrefix + suffix;
    }

    /** Whether to try Redis now; a true after an outage means the recovery tasks have succeeded. */
    public boolean available() {
        if (!open) {
            return true;
        }
        if (System.nanoTime() - retryAtNanos < 0 || !probing.compareAndSet(false, true)) {
            return false;
        }
        try {
            recoveryTasks.forEach(Runnable::run);
            open = false;
            log.info("Redis is back; the cache and the login throttle use it again");
            return true;
        } catch (RuntimeException e) {
            retryAtNanos = System.nanoTime() + retryAfterNanos;
            lastError = e.toString();
            return false;
        } finally {
            probing.set(false);
        }
    }

    public void failed(RuntimeException e) {
        errors.increment();
        lastError = e.toString();
        retryAtNanos = System.nanoTime() + retryAfterNanos;
        if (!open) {
            open = true;
            log.warn("Redis failed ({}); reads go to MariaDB and the login throttle fails open for now", e.toString());
        }
    }

    public boolean isOpen() {
        return open;
    }

    public String lastError() {
        return lastError;
    }

    void onRecovery(Runnable task) {
        recoveryTasks.add(task);
    }
}
