package dev.bazaar.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code down}: SIGTERM so each server flushes and closes its files, SIGKILL for whatever is still
 * alive after the grace period, and no process, child or pid file left behind. Idempotent.
 */
final class Shutdown {

    static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private final PrintStream out;

    Shutdown(PrintStream out) {
        this.out = out;
    }

    /** Stops in parallel: one slow server does not hold up the others. */
    int down(List<Server> servers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            List<Future<String>> results = servers.stream()
                    .map(server -> pool.submit(() -> stop(server)))
                    .toList();
            int failures = 0;
            for (int i = 0; i < servers.size(); i++) {
                String result = results.get(i).get();
                out.printf("  %-14s %s%n", servers.get(i).name(), result);
                failures += result.startsWith("FAILED") ? 1 : 0;
            }
            return failures == 0 ? 0 : 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("launcher bug while stopping servers", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stop(Server server) throws IOException {
        long begin = System.nanoTime();
        ServerState state = ServerState.of(server);
        String result = "not running";
        if (state.running()) {
            terminate(state.pid(), GRACE);
            result = String.format("stopped (pid %d, %.1f s)", state.pid(), Startup.seconds(System.nanoTime() - begin));
        }
        // Anything else of this server's (a second copy, a half-started one) goes too.
        for (int attempt = 0; attempt < 3; attempt++) {
            OptionalLong stray = ProcessTable.findServerProcess(server.home().root(), server.executableNames());
            if (stray.isEmpty()) {
                break;
            }
            terminate(stray.getAsLong(), Duration.ofSeconds(5));
        }
        Files.deleteIfExists(server.home().pidFile());
        OptionalLong survivor = ProcessTable.findServerProcess(server.home().root(), server.executableNames());
        return survivor.isPresent() ? "FAILED: pid " + survivor.getAsLong() + " survived SIGKILL" : result;
    }

    /** SIGTERM to the process, SIGKILL to it and its children if they outlive {@code grace}. */
    static void terminate(long pid, Duration grace) {
        List<Long> tree = ProcessTable.withDescendants(pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (awaitExit(tree, grace)) {
            return;
        }
        for (long each : tree) {
            ProcessHandle.of(each).ifPresent(ProcessHandle::destroyForcibly);
        }
        awaitExit(tree, AFTER_KILL);
    }

    private static boolean awaitExit(List<Long> pids, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pids.stream().anyMatch(ProcessTable::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
