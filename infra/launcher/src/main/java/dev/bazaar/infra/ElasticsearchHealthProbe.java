package dev.bazaar.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket: {@code GET /_cluster/health?wait_for_status=yellow&timeout=1s}
 * must answer 200 with a yellow or green status. (This distribution has no {@code GET /}.)
 */
final class ElasticsearchHealthProbe implements ProtocolProbe {

    private final int port;

    ElasticsearchHealthProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_cluster/health?wait_for_status=yellow&timeout=1s HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + "Accept: application/json\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            String statusLine = response.lines().findFirst().orElse("");
            if (!statusLine.startsWith("HTTP/1.1 200")) {
                throw new IOException("cluster health answered " + (statusLine.isEmpty() ? "nothing" : statusLine));
            }
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (!body.contains("\"status\":\"yellow\"") && !body.contains("\"status\":\"green\"")) {
                throw new IOException("cluster not yet yellow: " + body);
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return "Elasticsearch cluster health";
    }
}
