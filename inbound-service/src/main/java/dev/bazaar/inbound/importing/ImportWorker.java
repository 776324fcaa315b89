package dev.bazaar.inbound.importing;

import dev.bazaar.starter.tracing.Traces;
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
 * are picked up again when the application is ready. An import runs in a span of the trace of the
 * request that uploaded it (stored with the job), so its events carry that trace on.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private final ImportProcessor processor;
    private final ImportJobs jobs;
    private final Traces traces;
    private final int workers;
    private ExecutorService executor;

    ImportWorker(ImportProcessor processor, ImportJobs jobs, Traces traces, InboundProperties properties) {
        this.processor = processor;
        this.jobs = jobs;
        this.traces = traces;
        this.workers = properties.workers();
    }

    void submit(String importId, String traceparent) {
        executor.execute(() -> traces.inSpan("catalogue import", traceparent, () -> processor.process(importId)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        jobs.unfinished().forEach(job -> submit(job.importId(), job.traceparent()));
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
