package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch 9 from the integ-test distribution (core modules only). Its config, data and logs
 * live in the data dir ({@code ES_PATH_CONF}); the unpacked install under target/ is never written.
 * It needs Java 21+ and refuses to run as root, so as root it runs as nobody (uid 65534).
 */
final class ElasticsearchServer extends Server {

    private static final int MINIMUM_JAVA = 21;
    private static final String VERSION = "9.2.8";
    private static final String NOBODY = "65534";
    /** Overridden by BAZAAR_ELASTICSEARCH_JAVA_OPTS (`./bazaar test`: a 256 MB heap and C1 only). */
    private static final String DEFAULT_JAVA_OPTS = "-Xms512m -Xmx512m";

    private final Port port = Port.client("elasticsearch", 19200);
    private final Port transport = Port.secondary("elasticsearch", "transport", 19300);

    ElasticsearchServer(Layout layout) {
        super("elasticsearch", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port, transport);
    }

    @Override
    ProtocolProbe probe() {
        return new ElasticsearchHealthProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    List<String> executableNames() {
        return List.of("java");
    }

    @Override
    void checkPrerequisites() {
        requireFile(install().resolve("bin/elasticsearch"));
        javaHome();
    }

    /** ES_JAVA_HOME if set, else the newest JDK 21+ under /usr/lib/jvm. */
    private Path javaHome() {
        return Jdk.find("ES_JAVA_HOME", MINIMUM_JAVA)
                .orElseThrow(() -> new LaunchException("Elasticsearch 9 needs Java 21+: set ES_JAVA_HOME to a JDK 21+ "
                        + "(e.g. apt install temurin-21-jdk, or download one)"));
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        Path config = configDir();
        Files.createDirectories(config);
        copyIfMissing(install().resolve("config/log4j2.properties"), config.resolve("log4j2.properties"));
        // Files the security module expects to find even with security disabled.
        for (String file : List.of("roles.yml", "role_mapping.yml", "users", "users_roles")) {
            copyIfMissing(install().resolve("config").resolve(file), config.resolve(file));
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        Map<String, Object> values = Map.of(
                "PORT", port.number(),
                "TRANSPORT_PORT", transport.number(),
                "DATA", home.data(),
                "LOGS", home.logs());
        Templates.render(template("elasticsearch.yml.template"), config.resolve("elasticsearch.yml"), values);
        Templates.render(template("jvm.options"), config.resolve("jvm.options"), values);
        Files.deleteIfExists(home.pidFile());
        if (ProcessTable.runningAsRoot()) {
            giveToNobody();
        }
    }

    private void giveToNobody() throws IOException, InterruptedException {
        Process chown = new ProcessBuilder(
                        "chown", "-R", NOBODY + ":" + NOBODY, home.root().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .start();
        if (!chown.waitFor(60, TimeUnit.SECONDS) || chown.exitValue() != 0) {
            throw new LaunchException(
                    "elasticsearch: chown -R " + NOBODY + " " + home.root() + " failed, see " + consoleLog());
        }
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>();
        if (ProcessTable.runningAsRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(
                install().resolve("bin/elasticsearch").toString(),
                "-d",
                "-p",
                home.pidFile().toString()));
        return command;
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("ES_JAVA_HOME", javaHome().toString());
        env.put("ES_PATH_CONF", configDir().toString());
        // Without a heap flag Elasticsearch takes half the machine's RAM. The full JIT: with C1 only a
        // search of the search benchmark's mix cost it about twice the CPU (infra/README.md).
        env.put("ES_JAVA_OPTS", setting("BAZAAR_ELASTICSEARCH_JAVA_OPTS", DEFAULT_JAVA_OPTS));
        // Our JAVA_HOME is Java 17; ES ignores it but prints a warning that reads like an error.
        env.put("JAVA_HOME", null);
        return env;
    }

    @Override
    boolean daemonizesItself() {
        return true;
    }

    @Override
    Path logFile() {
        return home.logs().resolve("bazaar.log");
    }

    @Override
    Path consoleLog() {
        return home.logs().resolve("console.log");
    }

    private Path configDir() {
        return home.root().resolve("config");
    }

    private Path install() {
        return layout.infraModule("elasticsearch").resolve("target/elasticsearch/elasticsearch-" + VERSION);
    }

    private Path template(String file) {
        return layout.infraModule("elasticsearch").resolve("config").resolve(file);
    }

    private static void copyIfMissing(Path source, Path target) throws IOException {
        if (Files.exists(source) && !Files.exists(target)) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
