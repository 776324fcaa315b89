package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One kind of backing server: its ports, how to prepare its data dir, the command that runs it in
 * the foreground, and the protocol probe that says it is ready. The launcher does the rest
 * (detaching, pid files, waiting, stopping) the same way for all of them.
 */
abstract class Server {

    private final String name;
    protected final Layout layout;
    protected final ServerHome home;

    protected Server(String name, Layout layout) {
        this.name = name;
        this.layout = layout;
        this.home = layout.serverHome(name);
    }

    final String name() {
        return name;
    }

    final ServerHome home() {
        return home;
    }

    /** All ports it binds; the first is the one clients use. */
    abstract List<Port> ports();

    final Port clientPort() {
        return ports().get(0);
    }

    abstract ProtocolProbe probe();

    /** How a client reaches it, printed once it is up: a URI, URL or host:port. */
    abstract String clientAddress();

    /** Fails with a {@link LaunchException} naming what is missing and how to get it. */
    void checkPrerequisites() {}

    /** Writes configuration and performs first-run initialisation of the data dir. */
    void prepare() throws IOException, InterruptedException {}

    /** The command that runs the server; the launcher detaches it into its own session. */
    abstract List<String> command();

    /** Variables to set for the server; a null value removes the variable. */
    Map<String, String> environment() {
        return Map.of();
    }

    Path workingDirectory() {
        return home.root();
    }

    /** The server's own log: what {@code logs NAME} shows and failures quote. */
    Path logFile() {
        return home.logs().resolve(name + ".log");
    }

    /** Where the started process's stdout and stderr go. */
    Path consoleLog() {
        return logFile();
    }

    /**
     * True for a server that forks into the background and writes {@link ServerHome#pidFile()}
     * itself (Elasticsearch's {@code -d -p}); the launcher then waits for its starter to finish.
     */
    boolean daemonizesItself() {
        return false;
    }

    /** Executable names its server process can have, to recognise it without a pid file. */
    abstract List<String> executableNames();

    /** The JVM running the launcher (Java 17): good enough for every Java server but Elasticsearch. */
    protected static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A java command line whose classpath is every jar of {@code libDir} plus extra entries. */
    protected static List<String> javaCommand(
            List<String> jvmFlags, List<Path> classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(":", classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    protected final Path requireDirectoryWithJars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> f.toString().endsWith(".jar"))) {
                return dir;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new LaunchException(name + ": no jars in " + dir + ": " + Layout.buildHint());
    }

    protected final Path requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new LaunchException(name + ": " + file + " is missing: " + Layout.buildHint());
        }
        return file;
    }

    /**
     * For a server whose own code does the heavy lifting (the Mongo wire server executes every
     * query in Java, and is the busiest process of a bulk import): the full JIT, and a heap that
     * starts small and grows up to {@code maxHeap}.
     */
    protected static List<String> busyJvm(String maxHeap) {
        return List.of(
                "-Xms64m",
                "-Xmx" + maxHeap,
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:MaxMetaspaceSize=128m",
                "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** The value of {@code envVar}, trimmed, or {@code fallback} when it is unset or blank. */
    protected static String setting(String envVar, String fallback) {
        String value = System.getenv(envVar);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Common low-footprint flags for the small JVM servers: they idle most of the time. */
    protected static List<String> smallJvm(String maxHeap) {
        return List.of(
                "-Xms32m",
                "-Xmx" + maxHeap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-XX:MaxMetaspaceSize=128m",
                "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true");
    }
}
