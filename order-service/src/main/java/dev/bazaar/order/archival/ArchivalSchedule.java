package dev.bazaar.order.archival;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link Archival} every {@code bazaar.orders.archival.interval} (30 min), the first time one interval
 * after the start. Every instance schedules it; the lock lets one of them run it at a time. The run itself is
 * on a thread of its own: the scheduler's one thread also drives the payment sweeper and the compensation
 * retries, which a long archival run must not hold up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ArchivalSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ArchivalSchedule.class);

    private final Archival archival;
    private final ArchivalProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "archival");
        thread.setDaemon(true);
        return thread;
    });

    ArchivalSchedule(Archival archival, ArchivalProperties properties) {
        this.archival = archival;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.interval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::handOff, interval, interval));
    }

    /** Starts a run on the archival thread unless this instance's previous one is still going. */
    private void handOff() {
        if (running.compareAndSet(false, true)) {
            runner.execute(() -> {
                try {
                    run();
                } finally {
                    running.set(false);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run() {
        try {
            Archival.Run run = archival.run();
            if (!run.ran()) {
                log.debug("Archival skipped: another instance holds the lock");
            }
        } catch (RuntimeException e) { // left live, retried at the next interval
            log.error("Archival run failed; the orders not moved stay live until the next run", e);
        }
    }
}
