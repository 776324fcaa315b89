package dev.bazaar.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), from the
 * {@code kafka_2.13} jars. The storage is formatted once with a fresh cluster id.
 */
final class KafkaServer extends Server {

    private final Port port = Port.client("kafka", 19092);
    private final Port controller = Port.secondary("kafka", "controller", 19093);

    KafkaServer(Layout layout) {
        super("kafka", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port, controller);
    }

    @Override
    ProtocolProbe probe() {
        return new KafkaApiVersionsProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "127.0.0.1:" + port;
    }

    @Override
    List<String> executableNames() {
        return List.of("java");
    }

    @Override
    void checkPrerequisites() {
        requireDirectoryWithJars(lib());
        requireFile(config("log4j2.xml"));
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        Templates.render(
                config("server.properties.template"),
                serverProperties(),
                Map.of(
                        "PORT", port.number(),
                        "CONTROLLER_PORT", controller.number(),
                        "DATA", home.data()));
        if (!Files.exists(home.data().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    private void formatStorage() throws IOException, InterruptedException {
        Path formatLog = home.logs().resolve("format.log");
        List<String> command = javaCommand(
                jvmFlags(),
                List.of(lib().resolve("*")),
                "kafka.tools.StorageTool",
                List.of("format", "-t", newClusterId(), "-c", serverProperties().toString(), "--ignore-formatted"));
        Process format = new ProcessBuilder(command)
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(formatLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new LaunchException("kafka: formatting the storage failed\n" + LogTail.indented(formatLog, 30));
        }
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64; a leading '-' would read as a flag. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    @Override
    List<String> command() {
        return javaCommand(
                jvmFlags(),
                List.of(lib().resolve("*")),
                "kafka.Kafka",
                List.of(serverProperties().toString()));
    }

    private List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of(
                "-Xms128m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=128m",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + config("log4j2.xml"),
                "-Dkafka.logs.dir=" + home.logs()));
        return flags;
    }

    private Path serverProperties() {
        return home.conf().resolve("server.properties");
    }

    private Path lib() {
        return layout.infraModule("kafka").resolve("target/lib");
    }

    private Path config(String file) {
        return layout.infraModule("kafka").resolve("config").resolve(file);
    }
}
