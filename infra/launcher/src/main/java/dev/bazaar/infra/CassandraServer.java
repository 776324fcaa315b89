package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cassandra 5.0 from the {@code cassandra-all} jars (no binary tarball is served on Maven Central),
 * {@code CassandraDaemon} in the foreground of its own JVM, single token, datacenter
 * {@code datacenter1} (SimpleSnitch's name for it).
 */
final class CassandraServer extends Server {

    /**
     * Cassandra's {@code jvm17-server.options}: without these exports and opens Java 17 refuses the
     * reflective access Cassandra needs ("unable to access required classes ... DirectBuffer.cleaner").
     */
    private static final List<String> JAVA_17_ACCESS = List.of(
            "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports",
            "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports",
            "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports",
            "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports",
            "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports",
            "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports",
            "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens",
            "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.io=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util=ALL-UNNAMED",
            "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final Port port = Port.client("cassandra", 19042);
    private final Port storage = Port.secondary("cassandra", "storage", 7010);
    private final Port jmx = Port.secondary("cassandra", "jmx", 7199);

    CassandraServer(Layout layout) {
        super("cassandra", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port, storage, jmx);
    }

    @Override
    ProtocolProbe probe() {
        return new CqlOptionsProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "127.0.0.1:" + port + " (local datacenter: datacenter1)";
    }

    @Override
    List<String> executableNames() {
        return List.of("java");
    }

    @Override
    void checkPrerequisites() {
        requireDirectoryWithJars(lib());
        requireFile(config("logback.xml"));
    }

    @Override
    void prepare() throws IOException {
        Templates.render(
                config("cassandra.yaml.template"),
                yaml(),
                Map.of(
                        "PORT", port.number(),
                        "STORAGE_PORT", storage.number(),
                        "DATA", home.data()));
    }

    @Override
    List<String> command() {
        List<String> flags = new ArrayList<>(List.of(
                heapFlag("-Xms", "BAZAAR_CASSANDRA_HEAP_MIN", "256m"),
                heapFlag("-Xmx", "BAZAAR_CASSANDRA_HEAP", "512m"),
                "-Xss256k",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=192m",
                "-XX:MaxDirectMemorySize=256m",
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true",
                "-Dcassandra.config=file://" + yaml(),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.storagedir=" + home.data(),
                "-Dcassandra.logdir=" + home.logs(),
                "-Dcassandra.jmx.local.port=" + jmx,
                // A single node has nobody to gossip with: waiting for gossip to settle only delays the start.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=100",
                "-Dcassandra.initial_token=0",
                "-Dlogback.configurationFile=" + config("logback.xml")));
        flags.addAll(JAVA_17_ACCESS);
        return javaCommand(
                flags, List.of(lib().resolve("*")), "org.apache.cassandra.service.CassandraDaemon", List.of());
    }

    private static String heapFlag(String flag, String envVar, String fallback) {
        return flag + setting(envVar, fallback);
    }

    private Path yaml() {
        return home.conf().resolve("cassandra.yaml");
    }

    private Path lib() {
        return layout.infraModule("cassandra").resolve("target/lib");
    }

    private Path config(String file) {
        return layout.infraModule("cassandra").resolve("config").resolve(file);
    }
}
