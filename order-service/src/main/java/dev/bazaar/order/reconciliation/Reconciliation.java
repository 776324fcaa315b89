package dev.bazaar.order.reconciliation;

import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.peers.PeerHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Reconciliation Service of the seed: every {@code bazaar.orders.reconciliation.interval} and when OPS
 * asks, it checks that the orders, inventory's stock and ledger, and payment-service's captured payments agree
 * ({@link StockCheck}, {@link OrderCheck}); every mismatch is stored with its run, logged at WARN and counted
 * (gauge {@code bazaar.orders.reconciliation.mismatches} by kind, of the last completed run; counter
 * {@code bazaar.orders.reconciliation.runs} by outcome). Nothing is ever corrected: a mismatch is for a person.
 *
 * <p>One run at a time across instances: ShedLock's {@code reconciliation} lock (scheduling/SchedulingLocks),
 * taken before the run is recorded, so a second request while one runs is refused (409) and a scheduled run
 * on another instance skips. The run itself is on a thread of its own, so neither the scheduler (which also
 * runs the payment sweeper) nor the OPS request waits for it.
 */
@Service
class Reconciliation implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    static final String LOCK = "reconciliation";

    private final ReconciliationRuns runs;
    private final StockCheck stock;
    private final OrderCheck orders;
    private final LockProvider locks;
    private final ReconciliationProperties properties;
    private final Listings listings;
    private final Map<Mismatch.Kind, AtomicLong> lastRun = new EnumMap<>(Mismatch.Kind.class);
    private final Counter completed;
    private final Counter failed;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    Reconciliation(
            ReconciliationRuns runs,
            StockCheck stock,
            OrderCheck orders,
            LockProvider locks,
            ReconciliationProperties properties,
            OrderProperties orderProperties,
            JsonMapper json,
            MeterRegistry meters) {
        this.runs = runs;
        this.stock = stock;
        this.orders = orders;
        this.locks = locks;
        this.properties = properties;
        OrderProperties.Peers peers = orderProperties.peers();
        this.listings = new Listings(
                new PeerHttp("inventory", peers.inventory(), peers.timeout(), json),
                new PeerHttp("payments", peers.payments(), peers.timeout(), json),
                orderProperties.internalToken(),
                properties.pageSize());
        for (Mismatch.Kind kind : Mismatch.Kind.values()) {
            AtomicLong value = new AtomicLong();
            lastRun.put(kind, value);
            Gauge.builder("bazaar.orders.reconciliation.mismatches", value, AtomicLong::get)
                    .description("Mismatches the last completed reconciliation run found, by kind")
                    .tag("kind", kind.name())
                    .register(meters);
        }
        this.completed = Counter.builder("bazaar.orders.reconciliation.runs")
                .description("Reconciliation runs, by outcome")
                .tag("outcome", "completed")
                .register(meters);
        this.failed = Counter.builder("bazaar.orders.reconciliation.runs")
                .description("Reconciliation runs, by outcome")
                .tag("outcome", "failed")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.interval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, interval, interval));
    }

    void scheduled() {
        if (start(ReconciliationRuns.Trigger.SCHEDULE).isEmpty()) {
            log.info("Scheduled reconciliation skipped: a run holds the lock");
        }
    }

    /** The gauges show the last completed run's counts from the start, not zeros until the next run. */
    @EventListener(ApplicationReadyEvent.class)
    void restoreGauges() {
        runs.latestFinished()
                .filter(run -> run.status() == ReconciliationRuns.Status.COMPLETED)
                .ifPresent(run -> runs.countsByKind(run.runId())
                        .forEach((kind, n) -> lastRun.get(kind).set(n)));
    }

    /**
     * Starts a run on its own thread if no other holds the lock: the run as recorded (RUNNING), or empty when
     * another run is under way (here or on another instance).
     */
    Optional<ReconciliationRuns.Run> start(ReconciliationRuns.Trigger trigger) {
        Optional<SimpleLock> lock =
                locks.lock(new LockConfiguration(Instant.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        String runId = UUID.randomUUID().toString();
        try {
            runs.start(runId, trigger);
            runner.execute(() -> {
                try {
                    perform(runId);
                } finally {
                    lock.get().unlock();
                }
            });
        } catch (RuntimeException e) {
            lock.get().unlock();
            if (e instanceof RejectedExecutionException) {
                runs.finish(
                        runId, ReconciliationRuns.Status.FAILED, new Findings.Checked(0, 0, 0, 0, 0), 0, "shut down");
            }
            throw e;
        }
        return runs.find(runId);
    }

    private void perform(String runId) {
        Instant settledBefore = Instant.now().minus(properties.grace());
        Findings findings = new Findings(runId, runs);
        try {
            stock.run(listings, findings);
            orders.run(listings, findings, settledBefore, properties.pageSize());
            findings.flush();
            runs.finish(runId, ReconciliationRuns.Status.COMPLETED, findings.checked(), findings.total(), null);
            lastRun.forEach((kind, value) -> value.set(findings.byKind().getOrDefault(kind, 0L)));
            completed.increment();
            log.info(
                    "Reconciliation {} completed: {} mismatches {}; checked {}",
                    runId,
                    findings.total(),
                    findings.byKind(),
                    findings.checked());
        } catch (RuntimeException e) {
            log.error("Reconciliation {} failed; what it found so far is kept", runId, e);
            try {
                findings.flush();
            } finally {
                runs.finish(
                        runId, ReconciliationRuns.Status.FAILED, findings.checked(), findings.total(), e.toString());
                failed.increment();
            }
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
