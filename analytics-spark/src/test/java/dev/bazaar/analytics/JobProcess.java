package dev.bazaar.analytics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link AnalyticsJob} in its own JVM, as {@code ./bazaar analytics} runs it: the module's classes and
 * its classpath ({@code target/test-classpath.txt}, written at process-test-classes), Spark's module flags
 * (the ones this test JVM was started with, from the pom), the settings as environment variables. Its output
 * goes to a log file, whose tail {@link #logTail()} gives for a failure message.
 */
public final class JobProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code AnalyticsJob <job>} with {@code env} added to this JVM's environment. */
    public static JobProcess start(String job, Map<String, String> env, Path log) throws IOException {
        Path target = Path.of("target");
        String classpath = target.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(target.resolve("test-classpath.txt")).trim();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(sparkJvmOptions());
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(classpath);
        command.add(AnalyticsJob.class.getName());
        command.add(job);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(env);
        return new JobProcess(builder.start(), log);
    }

    /** Ends the job as a crash would ({@code kill -9}): no shutdown hook, no clean stop of its queries. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the job logged. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    // Spark's flags as surefire/failsafe passed them to this JVM (the pom's spark.jvm.options).
    private static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens")
                        || arg.startsWith("--add-exports")
                        || arg.startsWith("--add-modules")
                        || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")
                        || arg.startsWith("-Djdk.reflect.useDirectMethodHandle")
                        || arg.startsWith("-Dio.netty.tryReflectionSetAccessible"))
                .toList();
    }
}
