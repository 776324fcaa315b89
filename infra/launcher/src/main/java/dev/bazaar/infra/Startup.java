package dev.bazaar.infra;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code up}: checks everything first (built artifacts, JDKs, ports) so that a problem stops the
 * whole command before anything starts, then starts the servers in parallel, each detached in its
 * own session, and waits for each one's protocol probe.
 */
final class Startup {

    /** How often a starting server is probed; the wait ends on the first good answer. */
    private static final long PROBE_INTERVAL_MS = 100;

    private static final int LOG_LINES_ON_FAILURE = 30;

    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    Startup(Duration timeout, PrintStream out, PrintStream err) {
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    /** Exit code: 0 when every server is up, 1 otherwise. */
    int up(List<Server> servers) throws InterruptedException {
        long started = System.nanoTime();
        List<ServerState> states = servers.stream().map(ServerState::of).toList();
        List<String> problems = preflight(states);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("error: " + problem));
            err.println("nothing was started.");
            return 1;
        }
        ExecutorService pool = Executors.newFixedThreadPool(states.size());
        ExecutorCompletionService<Outcome> outcomes = new ExecutorCompletionService<>(pool);
        try {
            for (ServerState state : states) {
                outcomes.submit(() -> bringUp(state));
            }
            int failures = 0;
            for (int i = 0; i < states.size(); i++) {
                Outcome outcome = outcomes.take().get();
                report(outcome);
                failures += outcome.ok ? 0 : 1;
            }
            double total = seconds(System.nanoTime() - started);
            if (failures == 0) {
                out.printf(
                        "%s up in %.1f s (data dir %s)%n",
                        states.size() == 1 ? "1 server" : "all " + states.size() + " servers",
                        total,
                        servers.get(0).layout.home());
                return 0;
            }
            err.printf("%d of %d servers failed to start (%.1f s)%n", failures, states.size(), total);
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("launcher bug while starting servers", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> preflight(List<ServerState> states) {
        List<String> problems = new ArrayList<>();
        for (ServerState state : states) {
            if (state.running()) {
                continue;
            }
            Server server = state.server();
            try {
                server.checkPrerequisites();
            } catch (LaunchException e) {
                problems.add(e.getMessage());
            }
            for (Port port : server.ports()) {
                if (!PortCheck.isFree(port.number())) {
                    problems.add("port " + port + " (" + server.name()
                            + (port.role().equals("client") ? "" : " " + port.role())
                            + ") is already in use by another process: stop it, or move "
                            + server.name() + " with " + port.envVar() + "=<port>");
                }
            }
        }
        return problems;
    }

    private Outcome bringUp(ServerState state) {
        Server server = state.server();
        long begin = System.nanoTime();
        try {
            if (state.running()) {
                state.adoptIfUnrecorded();
                String reason = awaitProbe(server, null, begin);
                if (reason != null) {
                    return Outcome.failed(
                            server, "already running (pid " + state.pid() + ") but not answering: " + reason);
                }
                return Outcome.ok(server, "already running (pid " + state.pid() + ")");
            }
            String restart = state.condition() == ServerState.Condition.CRASHED ? " (had crashed: restarted)" : "";
            Files.deleteIfExists(server.home().pidFile());
            server.home().create();
            server.prepare();
            Process process = spawn(server);
            if (!server.daemonizesItself()) {
                ProcessTable.writePidFile(server.home().pidFile(), process.pid());
            }
            String reason = awaitProbe(server, process, begin);
            if (reason != null) {
                stopAfterFailure(server, process);
                return Outcome.failed(server, reason);
            }
            long pid = server.daemonizesItself() ? awaitOwnPidFile(server, process) : process.pid();
            return Outcome.ok(
                    server,
                    String.format("up in %5.1f s (pid %d)%s", seconds(System.nanoTime() - begin), pid, restart));
        } catch (LaunchException e) {
            return Outcome.failed(server, e.getMessage());
        } catch (IOException e) {
            return Outcome.failed(server, "could not start: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(server, "interrupted");
        }
    }

    /**
     * Detached with setsid: the server gets its own session, so it survives the launcher's exit
     * and a Ctrl-C in the terminal that ran {@code ./bazaar up}. setsid execs in place (our child
     * is not a group leader), so the pid we see is the server's.
     */
    private static Process spawn(Server server) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(server.command());
        Path console = server.consoleLog();
        Files.writeString(
                console,
                "=== " + LocalDateTime.now() + " bazaar launcher: " + String.join(" ", command) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(server.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        server.environment().forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return builder.start();
    }

    /** Null when the probe succeeded, else why the server is not ready. */
    private String awaitProbe(Server server, Process process, long begin) throws InterruptedException {
        ProtocolProbe probe = server.probe();
        long deadline = begin + timeout.toNanos();
        String lastReason = "no answer yet";
        while (true) {
            try {
                probe.check();
                return null;
            } catch (IOException e) {
                lastReason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (process != null && !process.isAlive()) {
                boolean starterDone = server.daemonizesItself() && process.exitValue() == 0;
                if (!starterDone) {
                    return "exited with code " + process.exitValue() + " before answering " + probe.describe();
                }
                if (ProcessTable.readPidFile(server.home().pidFile()).isPresent()
                        && !ProcessTable.isAlive(
                                ProcessTable.readPidFile(server.home().pidFile())
                                        .getAsLong())) {
                    return "died after starting, before answering " + probe.describe();
                }
            }
            if (System.nanoTime() > deadline) {
                return "not ready after " + timeout.toSeconds() + " s (" + probe.describe() + ": " + lastReason + ")";
            }
            Thread.sleep(PROBE_INTERVAL_MS);
        }
    }

    /** Elasticsearch writes its pid file itself, early in its start; we only wait for it to appear. */
    private static long awaitOwnPidFile(Server server, Process starter) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            OptionalLong pid = ProcessTable.readPidFile(server.home().pidFile());
            if (pid.isPresent()) {
                return pid.getAsLong();
            }
            Thread.sleep(PROBE_INTERVAL_MS);
        }
        throw new LaunchException("answered, but wrote no pid file to "
                + server.home().pidFile() + " (starter pid " + starter.pid() + ")");
    }

    /** A server that never became ready is stopped, so the next `up` starts it cleanly. */
    private static void stopAfterFailure(Server server, Process process) {
        ProcessTable.readPidFile(server.home().pidFile())
                .ifPresent(pid -> Shutdown.terminate(pid, Duration.ofSeconds(10)));
        if (process.isAlive()) {
            Shutdown.terminate(process.pid(), Duration.ofSeconds(10));
        }
        try {
            Files.deleteIfExists(server.home().pidFile());
        } catch (IOException e) {
            // The stale pid file is recognised as such on the next start.
        }
    }

    private void report(Outcome outcome) {
        Server server = outcome.server;
        if (outcome.ok) {
            out.printf("  %-14s %-34s %s%n", server.name(), outcome.message, server.clientAddress());
            return;
        }
        StringBuilder text = new StringBuilder(String.format("  %-14s FAILED: %s%n", server.name(), outcome.message));
        if (Files.exists(server.logFile())) {
            text.append(LogTail.indented(server.logFile(), LOG_LINES_ON_FAILURE));
        }
        if (!server.consoleLog().equals(server.logFile()) && Files.exists(server.consoleLog())) {
            text.append(LogTail.indented(server.consoleLog(), LOG_LINES_ON_FAILURE));
        }
        err.print(text);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private record Outcome(Server server, boolean ok, String message) {

        static Outcome ok(Server server, String message) {
            return new Outcome(server, true, message);
        }

        static Outcome failed(Server server, String message) {
            return new Outcome(server, false, message);
        }
    }
}
