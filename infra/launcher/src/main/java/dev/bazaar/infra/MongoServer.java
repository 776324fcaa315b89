package dev.bazaar.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB wire protocol served by the stock mongo-java-server in its own JVM (no mongod can be
 * installed here), with its stock H2 file backend: the same engine for {@code ./bazaar up}, the
 * tests and the benchmarks, and the local catalogue survives restarts.
 * {@code BAZAAR_MONGO_BACKEND=memory} gives a throwaway one.
 */
final class MongoServer extends Server {

    private final Port port = Port.client("mongo", 27018);

    MongoServer(Layout layout) {
        super("mongo", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(port);
    }

    @Override
    ProtocolProbe probe() {
        return new MongoIsMasterProbe(port.number());
    }

    @Override
    String clientAddress() {
        return "mongodb://127.0.0.1:" + port + "/<db>";
    }

    @Override
    List<String> executableNames() {
        return List.of("java");
    }

    @Override
    void checkPrerequisites() {
        requireFile(module().resolve("target/classes/dev/bazaar/infra/mongo/MongoWireServer.class"));
        requireDirectoryWithJars(module().resolve("target/lib"));
    }

    /** A data dir of the patched backend that lived here before 2026-12: its file is not read any more. */
    @Override
    void prepare() {
        if (java.nio.file.Files.exists(home.data().resolve("mongo-bson.mv.db"))
                && !java.nio.file.Files.exists(home.data().resolve("mongo.mv.db"))) {
            System.err.println("  mongo: " + home.data().resolve("mongo-bson.mv.db") + " (the former patched backend's"
                    + " format) is not read; the local MongoDB starts empty. Reset inbound-service's ledger too"
                    + " (./bazaar down && rm -rf .bazaar), or re-sent catalogues count as unchanged: infra/README.md");
        }
    }

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("--port", port.toString()));
        if ("memory".equalsIgnoreCase(System.getenv("BAZAAR_MONGO_BACKEND"))) {
            args.add("--memory");
        } else {
            // The stock backend's format (Java-serialised documents); the patched backend's
            // mongo-bson.mv.db, if one is left in the data dir, is not read.
            args.add("--h2");
            args.add(home.data().resolve("mongo.mv.db").toString());
        }
        List<String> jvm = new ArrayList<>(busyJvm("1g"));
        // Extra flags, e.g. a flight recording from the start (one started later by jcmd saw a cold JIT).
        String extra = setting("BAZAAR_MONGO_JAVA_OPTS", "");
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return javaCommand(
                jvm,
                List.of(module().resolve("target/classes"), module().resolve("target/lib/*")),
                "dev.bazaar.infra.mongo.MongoWireServer",
                args);
    }

    private java.nio.file.Path module() {
        return layout.infraModule("mongo");
    }
}
