package dev.bazaar.inbound.importing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background on a small fixed pool ({@code workers}), so a burst of uploads
 * queues instead of competing for the database. Imports left RECEIVED or PROCESSING by a restart
 * are picked up again when the application is ready.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private final ImportProcessor processor;
    private final ImportJobs jobs;
    private final int workers;
    private ExecutorService executor;

    ImportWorker(ImportProcessor processor, ImportJobs jobs, InboundProperties properties) {
        this.processor = processor;
        this.jobs = jobs;
        this.workers = properties.workers();
    }

    void submit(String importId) {
        executor.execute(() -> processor.process(importId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        jobs.unfinished().forEach(job -> submit(job.importId()));
    }

    @Override
    public synchronized void start() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "import-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts running imports between chunks; they resume on the next start. */
    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
