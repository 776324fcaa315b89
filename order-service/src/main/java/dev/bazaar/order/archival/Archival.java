package dev.bazaar.order.archival;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.RETURNED;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.Orders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Moves terminal orders (CANCELLED, RETURNED, DELIVERED) whose last change is older than
 * {@code bazaar.orders.archival.older-than} from MariaDB to Cassandra ({@link OrderArchive}); a DELIVERED
 * order waits for its return window as well, as it can still be returned. Batch by batch:
 * <ol>
 *   <li>read the orders, their lines and status history from MariaDB;</li>
 *   <li>write them to Cassandra (upserts by primary key: writing one again changes nothing);</li>
 *   <li>read them back from both tables and compare field by field with what was read from MariaDB;</li>
 *   <li>only then delete them from MariaDB, each only if still in the status and at the version archived
 *       (a compare-and-set, {@link ArchivableOrders#deleteIfUnchanged}).</li>
 * </ol>
 * A crash anywhere leaves every order live, archived, or both (step 2 done, 4 not): a rerun writes it again
 * and deletes it, and reads meanwhile ({@code history/MergedOrders}) show it once. Each Cassandra step is
 * retried with backoff; a batch that still fails, or an order that does not read back equal, stays live for
 * the next run (counted in {@code bazaar.orders.archival.failed}). One instance runs at a time: the ShedLock
 * lock {@value #LOCK}.
 */
@Service
class Archival {

    static final String LOCK = "order-archival";

    static final List<OrderStatus> TERMINAL = List.of(CANCELLED, RETURNED, DELIVERED);

    private static final Logger log = LoggerFactory.getLogger(Archival.class);

    /**
     * What one run did: orders moved, orders it could not move (left live), batches. {@code ran} is false
     * when another run held the lock (and nothing was done).
     */
    record Run(boolean ran, int moved, int failed, int batches, Instant startedAt, long tookMs) {}

    private final ArchivableOrders archivable;
    private final Orders orders;
    private final OrderArchive archive;
    private final LockingTaskExecutor locks;
    private final ArchivalProperties properties;
    private final OrderProperties orderProperties;
    private final RetryTemplate cassandraSteps;
    private final Counter moved;
    private final Counter failed;
    private final AtomicReference<Instant> oldestLeft = new AtomicReference<>();
    /** Reads the next batch from MariaDB while the current one is written and verified. */
    private final ExecutorService reads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archival-read");
        thread.setDaemon(true);
        return thread;
    });

    Archival(
            ArchivableOrders archivable,
            Orders orders,
            OrderArchive archive,
            LockingTaskExecutor locks,
            ArchivalProperties properties,
            OrderProperties orderProperties,
            MeterRegistry meters) {
        this.archivable = archivable;
        this.orders = orders;
        this.archive = archive;
        this.locks = locks;
        this.properties = properties;
        this.orderProperties = orderProperties;
        // Any failure of a Cassandra step is worth another try: a timeout, a node restarting, the session not
        // yet open. Writes are idempotent, so a write that did land and is sent again changes nothing.
        this.cassandraSteps = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(properties.attempts() - 1L)
                .delay(properties.backoff())
                .multiplier(2)
                .build());
        this.moved = Counter.builder("bazaar.orders.archival.moved")
                .description("Orders moved from MariaDB to the Cassandra archive")
                .register(meters);
        this.failed = Counter.builder("bazaar.orders.archival.failed")
                .description("Orders a run could not archive (Cassandra failing past the retries, or read back "
                        + "unequal); they stay live for the next run")
                .register(meters);
        Gauge.builder("bazaar.orders.archival.oldest.terminal.age", oldestLeft, Archival::ageSeconds)
                .description("Age of the oldest terminal order left in MariaDB after the last run (0: none)")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * One run under the lock; {@code ran == false} when another instance (or call) holds it.
     *
     * @throws Error as it came: a run that dies leaves what it did so far, which a rerun completes
     */
    Run run() {
        Instant startedAt = Instant.now();
        LockConfiguration lock = new LockConfiguration(startedAt, LOCK, properties.lockAtMostFor(), Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<Run> result = locks.executeWithLock(() -> runLocked(startedAt), lock);
            return result.wasExecuted() ? result.getResult() : new Run(false, 0, 0, 0, startedAt, 0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) { // runLocked throws nothing checked
            throw new IllegalStateException(impossible);
        }
    }

    private Run runLocked(Instant startedAt) {
        // Stop taking batches at half the lock's lifetime: a run must end while it still holds the lock.
        Instant stopBy = startedAt.plus(properties.lockAtMostFor().dividedBy(2));
        int movedNow = 0;
        int failedNow = 0;
        int batches = 0;
        boolean stop = false;
        for (OrderStatus status : TERMINAL) {
            Duration age = ageToArchive(status);
            List<ArchivableOrders.After> candidates = archivable.candidates(status, age, null, properties.batchSize());
            CompletableFuture<List<OrderArchive.Archived>> next = candidates.isEmpty() ? null : read(candidates);
            while (next != null && !stop) {
                List<OrderArchive.Archived> current = await(next);
                stop = !Instant.now().isBefore(stopBy);
                next = null;
                if (candidates.size() == properties.batchSize() && !stop) {
                    // The next batch is read from MariaDB while this one is in Cassandra.
                    candidates = archivable.candidates(
                            status, age, candidates.get(candidates.size() - 1), properties.batchSize());
                    next = candidates.isEmpty() ? null : read(candidates);
                }
                Batch batch = archiveBatch(current);
                batches++;
                movedNow += batch.moved();
                failedNow += batch.failed();
                stop |= batch.cassandraDown();
            }
            if (stop) {
                break;
            }
        }
        oldestLeft.set(archivable.oldestTerminalChange().orElse(null));
        long tookMs = Duration.between(startedAt, Instant.now()).toMillis();
        if (movedNow > 0 || failedNow > 0) {
            log.info(
                    "Archival moved {} orders to Cassandra in {} batches, {} left live after failures, {} ms",
                    movedNow,
                    batches,
                    failedNow,
                    tookMs);
        } else {
            log.debug("Archival found nothing to move ({} ms)", tookMs);
        }
        return new Run(true, movedNow, failedNow, batches, startedAt, tookMs);
    }

    private record Batch(int moved, int failed, boolean cassandraDown) {}

    /** The candidates as they are now, with their lines and status history, read on the read thread. */
    private CompletableFuture<List<OrderArchive.Archived>> read(List<ArchivableOrders.After> candidates) {
        List<String> ids =
                candidates.stream().map(ArchivableOrders.After::orderId).toList();
        return CompletableFuture.supplyAsync(
                () -> {
                    List<Order> live = orders.findAll(ids);
                    Map<String, List<OrderHistory>> histories = orders.historiesOf(ids);
                    return live.stream()
                            .filter(order -> TERMINAL.contains(order.status()))
                            .map(order -> new OrderArchive.Archived(
                                    order, histories.getOrDefault(order.orderId(), List.of())))
                            .toList();
                },
                reads);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Write, read back and compare, then delete what compared equal. */
    private Batch archiveBatch(List<OrderArchive.Archived> toArchive) {
        List<Order> verified;
        try {
            cassandraSteps.invoke(() -> archive.write(toArchive));
            verified = cassandraSteps.invoke(() -> readBackEqual(toArchive));
        } catch (RuntimeException cassandraFailing) {
            failed.increment(toArchive.size());
            log.warn(
                    "Archival: a batch of {} orders stays live, Cassandra failed {} times: {}",
                    toArchive.size(),
                    properties.attempts(),
                    cassandraFailing.toString());
            return new Batch(0, toArchive.size(), true);
        }
        int deleted = archivable.deleteIfUnchanged(verified).size();
        moved.increment(deleted);
        int unequal = toArchive.size() - verified.size();
        failed.increment(unequal);
        return new Batch(deleted, unequal, false);
    }

    /** The orders whose archived copies, in both tables, equal what was read from MariaDB. */
    private List<Order> readBackEqual(List<OrderArchive.Archived> written) {
        List<Optional<OrderArchive.Archived>> byId = archive.readById(
                written.stream().map(archived -> archived.order().orderId()).toList());
        List<Optional<Order>> byUser = archive.readByUser(
                written.stream().map(OrderArchive.Archived::order).toList());
        List<Order> equal = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            OrderArchive.Archived expected = written.get(i);
            if (byId.get(i).filter(expected::equals).isPresent()
                    && byUser.get(i).filter(expected.order()::equals).isPresent()) {
                equal.add(expected.order());
            } else {
                log.error(
                        "Archival: order {} read back from Cassandra unlike MariaDB's; it stays live. Archived: {}",
                        expected.order().orderId(),
                        byId.get(i).orElse(null));
            }
        }
        return equal;
    }

    /** A DELIVERED order can be returned until its return window has passed; the other terminal ones are final. */
    private Duration ageToArchive(OrderStatus status) {
        Duration age = properties.olderThan();
        if (status == DELIVERED && orderProperties.returnWindow().compareTo(age) > 0) {
            return orderProperties.returnWindow();
        }
        return age;
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    private static double ageSeconds(AtomicReference<Instant> oldest) {
        Instant at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, Instant.now()).toMillis() / 1000.0);
    }
}
