package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Redis 6.2 from the binary shipped inside {@code com.github.codemonstur:embedded-redis} (so no
 * apt install is needed), else a {@code redis-server} on the PATH. Pure cache: no persistence.
 */
final class RedisServer extends Server {

    private final Port port = Port.client("redis", 16379);

    RedisServer(Layout layout) {
        super("redis", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port);
    }

    @Override
    ProtocolProbe probe() {
        return new RedisPingProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    List<String> executableNames() {
        return List.of("redis-server");
    }

    @Override
    void checkPrerequisites() {
        binary();
    }

    @Override
    List<String> command() {
        return List.of(
                binary().toString(),
                "--port",
                port.toString(),
                "--bind",
                "127.0.0.1",
                "--daemonize",
                "no",
                "--save",
                "",
                "--appendonly",
                "no",
                // Carts and rate limits react to key expiry; hz 100 delivers the events within ~60 ms.
                "--notify-keyspace-events",
                "Ex",
                "--hz",
                "100",
                "--dir",
                home.data().toString(),
                "--pidfile",
                home.root().resolve("redis-server.pid").toString(),
                "--logfile",
                logFile().toString());
    }

    @Override
    Path consoleLog() {
        return home.logs().resolve("console.log");
    }

    private Path binary() {
        Path unpacked = layout.infraModule("redis").resolve("target/redis");
        Optional<Path> shipped = shippedBinary(unpacked);
        if (shipped.isPresent()) {
            // Jar entries carry no permissions, so the unpacked binary is not executable yet.
            shipped.get().toFile().setExecutable(true);
            return shipped.get();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new LaunchException("redis: no redis-server binary in " + unpacked + " or on the PATH: "
                + Layout.buildHint() + ", or apt install redis-server");
    }

    private static Optional<Path> shippedBinary(Path dir) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "linux-arm64" : "linux-amd64";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "redis-server*" + arch + "*")) {
            for (Path file : files) {
                return Optional.of(file);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
