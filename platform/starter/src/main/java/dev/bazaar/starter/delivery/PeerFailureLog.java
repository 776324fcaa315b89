package dev.bazaar.starter.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A peer's failures, logged at WARN at most once a minute (with how many were not) and at DEBUG
 * otherwise: with a peer down, every shopper's request fails the same way, and one line a request
 * would bury everything else in the log. The counters say how often it happens.
 */
final class PeerFailureLog {

    private static final long INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Logger log;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final AtomicLong quiet = new AtomicLong();

    PeerFailureLog(Logger log) {
        this.log = log;
    }

    void failed(String message, Object detail) {
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + INTERVAL_NANOS)) {
            long skipped = quiet.getAndSet(0);
            log.warn(message + " ({} more like it in the last minute, logged at DEBUG)", detail, skipped);
        } else {
            quiet.incrementAndGet();
            log.debug(message, detail);
        }
    }
}
