package dev.bazaar.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Linux's /proc, read directly: the launcher must recognise its servers after it has exited and
 * been started again, so it cannot rely on {@link Process} handles of its own children.
 */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {}

    static OptionalLong readPidFile(Path pidFile) {
        try {
            String text = Files.readString(pidFile).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void writePidFile(Path pidFile, long pid) throws IOException {
        Files.writeString(pidFile, pid + "\n");
    }

    /** A zombie is not alive: it holds no ports and no files, and only waits to be reaped. */
    static boolean isAlive(long pid) {
        try {
            for (String line :
                    Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("State:")) {
                    return !line.contains("Z (zombie)") && !line.contains("X (dead)");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code pid} is one of our servers for {@code serverDir} and not an unrelated process
     * that inherited a recycled pid: every server runs with its working directory, or a path on its
     * command line, inside its own data dir.
     */
    static boolean belongsTo(long pid, Path serverDir) {
        if (!isAlive(pid)) {
            return false;
        }
        return workingDirectory(pid).map(cwd -> cwd.startsWith(serverDir)).orElse(false)
                || commandLine(pid).contains(serverDir + "/");
    }

    /**
     * Finds a live server process for {@code serverDir} without a pid file, so a lost pid file can
     * never lead to a second server on the same data (a second mariadbd would hang on its locks).
     * Only the server's own executables count, so a {@code tail -f} of its log is not mistaken for it.
     */
    static OptionalLong findServerProcess(Path serverDir, List<String> executableNames) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != ProcessHandle.current().pid()
                        && isExecutable(pid, executableNames)
                        && belongsTo(pid, serverDir)) {
                    return OptionalLong.of(pid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static boolean isExecutable(long pid, List<String> executableNames) {
        String command = commandLine(pid);
        String first = command.isEmpty() ? "" : command.split(" ", 2)[0];
        String name = first.substring(first.lastIndexOf('/') + 1);
        return executableNames.stream().anyMatch(name::startsWith);
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(
                    Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The process and everything it forked: a server's memory includes its helpers'. */
    static List<Long> withDescendants(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    /** Resident memory in kB of the process and its descendants, from VmRSS. */
    static long residentKb(long pid) {
        long total = 0;
        for (long each : withDescendants(pid)) {
            try {
                for (String line :
                        Files.readAllLines(PROC.resolve(Long.toString(each)).resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // The process exited while we were reading: it no longer uses memory.
            }
        }
        return total;
    }

    static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(PROC.resolve("self").resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
