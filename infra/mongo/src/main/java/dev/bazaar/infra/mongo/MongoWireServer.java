package dev.bazaar.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server for the local run and the tests: the stock mongo-java-server
 * with its stock backends, only configured here (no mongod binary can be installed on these
 * machines). This class changes nothing in the engine.
 *
 * <pre>MongoWireServer [--port 27018] (--h2 FILE | --memory)</pre>
 *
 * The H2 file backend keeps the data across restarts; the memory backend is for throwaway runs.
 */
public final class MongoWireServer implements AutoCloseable {

    static final String USAGE = "usage: MongoWireServer [--port N] (--h2 FILE | --memory)";

    private final MongoServer server;
    private final String description;

    private MongoWireServer(MongoServer server, String description) {
        this.server = server;
        this.description = description;
    }

    /** The parsed command line: a port and an H2 file, or {@code null} for the memory backend. */
    record Options(int port, String h2File) {

        static Options parse(String... args) {
            int port = 27018;
            String h2File = null;
            boolean backendChosen = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--h2" -> {
                        h2File = value(args, ++i);
                        backendChosen = true;
                    }
                    case "--memory" -> {
                        h2File = null;
                        backendChosen = true;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (!backendChosen) {
                throw new IllegalArgumentException("no backend: --h2 FILE or --memory");
            }
            return new Options(port, h2File);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /** Starts the server on 127.0.0.1 (port 0: any free port, see {@link #port()}). */
    static MongoWireServer start(Options options) {
        MongoBackend backend = options.h2File() == null ? new MemoryBackend() : new H2Backend(options.h2File());
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", options.port()));
        return new MongoWireServer(server, options.h2File() == null ? "memory" : "h2 " + options.h2File());
    }

    int port() {
        return server.getLocalAddress().getPort();
    }

    /** Stops accepting, closes the clients and the backend (the H2 backend commits and closes its file). */
    @Override
    public void close() {
        server.shutdownNow();
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        MongoWireServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs shutdown hooks: closing the backend flushes the H2 store, so a
        // `./bazaar down` never loses acknowledged writes.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "mongo-wire-shutdown"));
        System.out.println(
                "mongo-java-server listening on 127.0.0.1:" + server.port() + " backend=" + server.description);
        stopped.await();
    }
}
