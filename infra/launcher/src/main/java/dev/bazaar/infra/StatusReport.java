package dev.bazaar.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/** {@code status}: one line per server with a live probe and its resident memory, then the total. */
final class StatusReport {

    private static final int LOG_LINES_FOR_CRASH = 10;

    private final PrintStream out;

    StatusReport(PrintStream out) {
        this.out = out;
    }

    /** Exit code 0 when every listed server is up, 3 otherwise. */
    int print(List<Server> servers) {
        out.printf("%-14s %-6s %-8s %-22s %8s%n", "SERVER", "PORT", "PID", "HEALTH", "RSS");
        long totalKb = 0;
        boolean allUp = true;
        for (Server server : servers) {
            ServerState state = ServerState.of(server);
            String health;
            long rssKb = 0;
            switch (state.condition()) {
                case RUNNING -> {
                    health = answers(server) ? "up" : "running, not answering";
                    rssKb = ProcessTable.residentKb(state.pid());
                }
                case CRASHED -> health = "down (crashed)";
                default -> health = "down";
            }
            allUp &= health.equals("up");
            totalKb += rssKb;
            out.printf(
                    "%-14s %-6s %-8s %-22s %8s%n",
                    server.name(),
                    server.clientPort(),
                    state.pid() == 0 ? "-" : Long.toString(state.pid()),
                    health,
                    rssKb == 0 ? "-" : megabytes(rssKb));
            if (state.condition() == ServerState.Condition.CRASHED) {
                out.print(LogTail.indented(server.logFile(), LOG_LINES_FOR_CRASH));
                if (!server.consoleLog().equals(server.logFile()) && nonEmpty(server)) {
                    out.print(LogTail.indented(server.consoleLog(), LOG_LINES_FOR_CRASH));
                }
            }
        }
        out.printf("%-14s %-6s %-8s %-22s %8s%n", "total", "", "", "", megabytes(totalKb));
        return allUp ? 0 : 3;
    }

    private static boolean answers(Server server) {
        try {
            server.probe().check();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean nonEmpty(Server server) {
        try {
            return Files.size(server.consoleLog()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String megabytes(long kb) {
        return (kb + 512) / 1024 + " MB";
    }
}
