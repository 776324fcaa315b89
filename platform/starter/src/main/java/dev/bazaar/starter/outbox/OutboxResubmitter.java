package dev.bazaar.starter.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again every outbox entry that has not been acknowledged after {@code resubmitAfter}, e.g.
 * because Kafka was briefly down. Consumers deduplicate by {@code ce_id}, so a resend of an event
 * whose acknowledgement was merely slow is harmless.
 */
public class OutboxResubmitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final ObjectProvider<IncompleteEventPublications> publications;
    private final Duration resubmitAfter;
    private ScheduledExecutorService scheduler;

    /** Does nothing in a service without a publication registry (no outbox table). */
    public OutboxResubmitter(ObjectProvider<IncompleteEventPublications> publications, Duration resubmitAfter) {
        this.publications = publications;
        this.resubmitAfter = resubmitAfter;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-resubmitter");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, resubmitAfter.toMillis() / 2);
        scheduler.scheduleWithFixedDelay(this::resubmit, period, period, TimeUnit.MILLISECONDS);
    }

    void resubmit() {
        try {
            publications.ifAvailable(registry -> registry.resubmitIncompletePublicationsOlderThan(resubmitAfter));
        } catch (RuntimeException e) {
            log.warn("Outbox resubmission failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
