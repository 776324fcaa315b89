package dev.bazaar.user.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A redis-server of the test's own, on a spare port, that the test may stop and start for real
 * without disturbing the shared local servers. Uses the binary `./bazaar infra` unpacked under
 * infra/redis/target/redis.
 */
final class PrivateRedis {

    final int port;
    private final Path binary;
    private final Path dir;
    private Process process;

    PrivateRedis() throws IOException {
        this.binary = findBinary();
        this.dir = Files.createTempDirectory("private-redis");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString(),
                        "--dbfilename",
                        "dump.rdb")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 100; i++) {
            try {
                command("PING");
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("private redis-server did not start on port " + port);
    }

    /** Kills the server: everything it held is gone (a later start begins empty). */
    void stop() throws InterruptedException, IOException {
        kill();
        Files.deleteIfExists(dir.resolve("dump.rdb"));
    }

    /**
     * Snapshots the data ({@code SAVE}), then kills the server (SIGKILL): the next start comes back
     * with the data as it was, like a Redis restarted from its last RDB snapshot. Whatever a client
     * sends in between is lost, not queued.
     */
    void crashKeepingSnapshot() throws IOException, InterruptedException {
        String saved = command("SAVE");
        if (!"+OK".equals(saved)) {
            throw new IllegalStateException("SAVE answered " + saved);
        }
        kill();
    }

    private void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** {@code GET key}: the value, or null when the key does not exist. */
    String get(String key) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + key + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = line(in);
            if (!header.startsWith("$")) {
                throw new IllegalStateException("GET answered " + header);
            }
            int length = Integer.parseInt(header.substring(1));
            return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    /** One inline command, e.g. {@code CLIENT PAUSE 3000 ALL}; returns the first reply line. */
    String command(String inline) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    private static Path findBinary() throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "amd64";
        for (Path dir : List.of(Path.of("../infra/redis/target/redis"), Path.of("infra/redis/target/redis"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var found = files.filter(f -> f.getFileName().toString().matches("redis-server-.*linux-" + arch))
                            .findFirst();
                    if (found.isPresent()) {
                        found.get().toFile().setExecutable(true);
                        return found.get().toAbsolutePath();
                    }
                }
            }
        }
        throw new IllegalStateException(
                "No redis-server binary under infra/redis/target/redis: run ./bazaar infra up once");
    }
}
