package dev.bazaar.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** RESP inline {@code PING}, answered by {@code +PONG} once Redis has loaded its data. */
final class RedisPingProbe implements ProtocolProbe {

    private final int port;

    RedisPingProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"+PONG".equals(reply)) {
                throw new IOException("PING answered " + reply);
            }
        }
    }

    @Override
    public String describe() {
        return "Redis PING";
    }
}
