package dev.bazaar.infra;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The MariaDB/MySQL server greets every new connection with an initial handshake packet:
 * protocol version 10, then the server version as a NUL-terminated string. An error packet
 * (0xFF) instead means the server is up but refusing us, which is not ready either.
 */
final class MariaDbHandshakeProbe implements ProtocolProbe {

    private final int port;
    private volatile String serverVersion = "";

    MariaDbHandshakeProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[4];
            in.readFully(header);
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            byte[] payload = new byte[length];
            in.readFully(payload);
            if ((payload[0] & 0xff) == 0xff) {
                throw new IOException("server refused the connection: "
                        + new String(payload, 3, payload.length - 3, StandardCharsets.UTF_8));
            }
            if (payload[0] != 10) {
                throw new IOException("unexpected protocol version " + payload[0]);
            }
            int end = 1;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            serverVersion = new String(payload, 1, end - 1, StandardCharsets.US_ASCII);
        }
    }

    String serverVersion() {
        return serverVersion;
    }

    @Override
    public String describe() {
        return "MariaDB handshake";
    }
}
