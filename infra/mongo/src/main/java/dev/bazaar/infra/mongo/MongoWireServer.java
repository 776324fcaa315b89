package dev.bazaar.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.BsonH2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server for the local run: no mongod binary can be installed on these
 * machines, and the services only need what mongo-java-server implements.
 *
 * <pre>MongoWireServer --port 27018 (--h2 FILE | --memory)</pre>
 *
 * The H2 file backend keeps the catalogue across restarts; the memory backend is for throwaway runs.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 27018;
        String h2File = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--h2" -> h2File = args[++i];
                case "--memory" -> h2File = null;
                default -> {
                    System.err.println("usage: MongoWireServer --port N (--h2 FILE | --memory)");
                    System.exit(2);
                }
            }
        }
        MongoBackend backend = h2File == null ? new MemoryBackend() : new BsonH2Backend(h2File);
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs shutdown hooks: closing the backend flushes the H2 store, so a
        // `./bazaar down` never loses acknowledged writes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        server.bind(new InetSocketAddress("127.0.0.1", port));
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port + " backend="
                + (h2File == null ? "memory" : "h2 " + h2File));
        stopped.await();
    }
}
