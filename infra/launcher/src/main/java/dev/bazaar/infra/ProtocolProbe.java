package dev.bazaar.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Asks a server, in its own wire protocol, whether it is ready. An open port is not enough:
 * Kafka, Cassandra and Elasticsearch accept connections well before they can serve requests.
 */
interface ProtocolProbe {

    int CONNECT_TIMEOUT_MS = 1_000;
    int READ_TIMEOUT_MS = 3_000;

    /** Returns when the server answered correctly; otherwise throws, saying what it got instead. */
    void check() throws IOException;

    /** What is asked, for messages: e.g. "Redis PING". */
    String describe();

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
