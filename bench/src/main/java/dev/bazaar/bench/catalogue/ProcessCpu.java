package dev.bazaar.bench.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds (user + system) of the local processes on the import path, read from
 * {@code /proc/<pid>/stat} through the pid files of {@code ./bazaar}: on a shared 2-core box the
 * throughput is set by their sum, so the benchmark prints where the time went.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Path> pidFiles = new LinkedHashMap<>();

    ProcessCpu(Path bazaarHome) {
        for (String service : new String[] {"inbound-service", "item-service"}) {
            pidFiles.put(
                    service, bazaarHome.resolve("services").resolve(service).resolve("pid"));
        }
        for (String server : new String[] {"mongo", "mariadb", "kafka"}) {
            pidFiles.put(server, bazaarHome.resolve(server).resolve("pid"));
        }
    }

    /** Seconds used so far per process; a process that is not running (or no /proc) is left out. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pidFiles.forEach((name, pidFile) -> {
            try {
                String pid = Files.readString(pidFile).trim();
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                // Fields after the command name, which is in parentheses and may contain spaces.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                seconds.put(name, ticks / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                // not running, or not Linux: nothing to report for it
            }
        });
        return seconds;
    }

    static void printDelta(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        StringBuilder line = new StringBuilder("  CPU seconds during the import (user + system):");
        double total = 0;
        for (var entry : after.entrySet()) {
            Double start = before.get(entry.getKey());
            if (start != null) {
                double used = entry.getValue() - start;
                total += used;
                line.append(String.format(" %s %.1f,", entry.getKey(), used));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        line.append(String.format(
                " total %.1f of %.1f available (%d cores x %.1f s)", total, cores * wallSeconds, cores, wallSeconds));
        System.out.println(line);
    }
}
