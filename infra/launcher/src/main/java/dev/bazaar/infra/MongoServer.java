package dev.bazaar.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB wire protocol served by mongo-java-server in its own small JVM (no mongod can be
 * installed here). H2 file backend by default so the local catalogue survives restarts;
 * {@code BAZAAR_MONGO_BACKEND=memory} for a throwaway one.
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

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("--port", port.toString()));
        if ("memory".equalsIgnoreCase(System.getenv("BAZAAR_MONGO_BACKEND"))) {
            args.add("--memory");
        } else {
            args.add("--h2");
            args.add(home.data().resolve("mongo-bson.mv.db").toString());
        }
        // A fixed heap with a young generation large enough to outlive the store's commit: H2 holds the
        // pages changed since its last commit (once a second) until that commit writes them. With the
        // default sizing every young collection copied the last second's pages again (eden 144 MB,
        // survivors full) and moved them to the old generation, which then filled: a quarter of the
        // server's CPU in an import went to garbage collection (520 young and 30 full collections,
        // 21 of 78 CPU-s).
        List<String> jvm = new ArrayList<>(busyJvm("1536m", "768m"));
        // Netty checks a buffer's reference count on every byte it reads, and mongo-java-server decodes
        // BSON a byte at a time: ~1/8 of the server's samples in an import. Its decoder reads only
        // buffers it holds; bounds stay checked.
        jvm.add("-Dio.netty.buffer.checkAccessible=false");
        // Extra flags, e.g. a flight recording from the start (one started later by jcmd saw a cold JIT).
        String extra = setting("BAZAAR_MONGO_JAVA_OPTS", "");
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return javaCommand(jvm,
                List.of(module().resolve("target/classes"), module().resolve("target/lib/*")),
                "dev.bazaar.infra.mongo.MongoWireServer", args);
    }

    private java.nio.file.Path module() {
        return layout.infraModule("mongo");
    }
}
