package dev.bazaar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Bazaar service started from its built jar, as `./bazaar up` starts it, on a free port with
 * the given extra arguments; stopped (and its log kept under target/) when the test is done. The
 * jar is looked up in {@code ../<module>/target} (tests run in their module's directory); list the
 * module as a {@code <type>pom</type>} test dependency so the reactor builds it first.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** The system property that replaces the processes' JVM options (see {@link #jvmOptions}). */
    public static final String JVM_OPTIONS = "bazaar.service-process.jvm-options";

    private final String name;
    private final int port;
    private final List<String> command;
    private final String healthPath;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, List<String> command, String healthPath, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.healthPath = healthPath;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(String module, List<String> arguments) throws IOException {
        return start(module, arguments, "/actuator/health");
    }

    /**
     * As {@link #start(String, List)}, started once {@code healthPath} answers 200: e.g.
     * {@code /actuator/health/readiness} for a service whose backing server is down on purpose, whose
     * overall health is then DOWN although it serves.
     */
    public static ServiceProcess start(String module, List<String> arguments, String healthPath) throws IOException {
        Path jar = jarOf(module);
        int port = freePort();
        Path log = Path.of("target", module + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions());
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--logging.structured.format.console=",
                // The development values (internal token, local MariaDB password, demo switch), as
                // ./bazaar up runs it; an argument below may still name other profiles.
                "--spring.profiles.active=local"));
        command.addAll(arguments);
        return launch(module, port, List.copyOf(command), healthPath, log);
    }

    /**
     * A small heap and C1 only (quick to start, as tests want), unless the system property {@value
     * #JVM_OPTIONS} names others (space separated): a benchmark runs its peers with full JIT, as in production.
     */
    private static List<String> jvmOptions() {
        String options = System.getProperty(JVM_OPTIONS, "").trim();
        return options.isEmpty() ? List.of("-Xmx256m", "-XX:TieredStopAtLevel=1") : List.of(options.split("\\s+"));
    }

    private static ServiceProcess launch(String module, int port, List<String> command, String healthPath, Path log)
            throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var service = new ServiceProcess(module, port, command, healthPath, process, log);
        service.awaitHealthy(healthPath, Duration.ofSeconds(120));
        return service;
    }

    /**
     * The same service started again with the same arguments on the same port (so whoever calls it keeps its
     * address), once this process has exited: after {@link #kill}, the service coming back. Its log continues
     * in the same file.
     */
    public ServiceProcess restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running: kill or close it first");
        }
        return launch(name, port, command, healthPath, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the process with SIGKILL ({@link Process#destroyForcibly} on Linux), as a crash or an OOM kill
     * would: no shutdown hook, no graceful stop of its workers. Returns once it has exited.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitHealthy(String healthPath, Duration timeout) {
        HttpTestClient http = new HttpTestClient(baseUrl()).withTimeout(Duration.ofSeconds(5));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log.toAbsolutePath());
            }
            try {
                if (http.get(healthPath).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log.toAbsolutePath());
    }

    private static Path jarOf(String module) throws IOException {
        try (var files = Files.list(REPO.resolve(module).resolve("target"))) {
            return files.filter(file ->
                            file.toString().endsWith(".jar") && !file.toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("No jar in " + module + "/target: build the module first"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
