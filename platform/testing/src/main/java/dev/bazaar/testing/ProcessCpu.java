package dev.bazaar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a benchmark's CPU went, per process: on a shared 2-core box a service's throughput is set by the sum
 * of what it and everything it calls use, so a benchmark prints CPU milliseconds per operation for this JVM,
 * each child process it started (named by its jar) and the backing servers of {@code ./bazaar} (their pid
 * files). Read from {@code /proc/<pid>/stat} (user + system); a process that is not running, or a machine
 * without {@code /proc}, is left out.
 *
 * <p>Use: {@code var cpu = new ProcessCpu(home, "mariadb"); var before = cpu.seconds(); ... ;
 * seconds.merge(...)} per measured slice, then {@link #perOperation} for the line to print.
 */
public final class ProcessCpu {

    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path bazaarHome;
    private final String[] servers;

    /**
     * @param bazaarHome {@code ./bazaar}'s data directory ({@code .bazaar}: {@code <server>/pid} under it)
     * @param servers the backing servers to report, by their directory names there ({@code mariadb} ...)
     */
    public ProcessCpu(Path bazaarHome, String... servers) {
        this.bazaarHome = bazaarHome;
        this.servers = servers.clone();
    }

    /** CPU seconds used so far: this JVM, its child processes by jar, then the servers. */
    public Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("this JVM", secondsOf(ProcessHandle.current().pid()));
        ProcessHandle.current()
                .children()
                .forEach(child -> child.info()
                        .arguments()
                        .flatMap(arguments -> Arrays.stream(arguments)
                                .filter(a -> a.endsWith(".jar"))
                                .findFirst())
                        .ifPresent(jar -> seconds.put(
                                Path.of(jar).getFileName().toString().replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", ""),
                                secondsOf(child.pid()))));
        for (String server : servers) {
            try {
                seconds.put(
                        server,
                        secondsOf(Long.parseLong(Files.readString(bazaarHome.resolve(server + "/pid"))
                                .trim())));
            } catch (IOException | RuntimeException e) {
                // not started by ./bazaar here: nothing to report for it
            }
        }
        seconds.values().removeIf(value -> value < 0);
        return seconds;
    }

    /** Adds what each process used since {@code before} to {@code sums}. */
    public void addSince(Map<String, Double> before, Map<String, Double> sums) {
        seconds().forEach((process, now) -> {
            Double then = before.get(process);
            if (then != null) {
                sums.merge(process, now - then, Double::sum);
            }
        });
    }

    /** "this JVM 0.41, mariadb 0.22, total 0.63 ms": CPU milliseconds per operation. */
    public static String perOperation(Map<String, Double> seconds, long operations) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (var entry : seconds.entrySet()) {
            double ms = entry.getValue() * 1000 / Math.max(1, operations);
            total += ms;
            line.append(String.format("%s %.2f, ", entry.getKey(), ms));
        }
        return line.append(String.format("total %.2f ms", total)).toString();
    }

    private static double secondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
