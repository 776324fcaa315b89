package dev.bazaar.infra;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Kafka's binary protocol: an ApiVersions (key 18, v0) request must get an error-free response
 * with our correlation id. A KRaft broker enables request processing only once it has caught up
 * with the metadata log and been unfenced, so clients can then create topics and produce.
 */
final class KafkaApiVersionsProbe implements ProtocolProbe {

    private static final short API_VERSIONS = 18;
    private static final int CORRELATION_ID = 0x0BA2AA2;
    private static final byte[] CLIENT_ID = "bazaar-launcher".getBytes(StandardCharsets.UTF_8);

    private final int port;

    KafkaApiVersionsProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(request);
            header.writeShort(API_VERSIONS);
            header.writeShort(0);
            header.writeInt(CORRELATION_ID);
            header.writeShort(CLIENT_ID.length);
            header.write(CLIENT_ID);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(request.size());
            request.writeTo(out);
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 6) {
                throw new IOException("ApiVersions response too short: " + size + " bytes");
            }
            int correlationId = in.readInt();
            short errorCode = in.readShort();
            if (correlationId != CORRELATION_ID) {
                throw new IOException("ApiVersions answered correlation id " + correlationId);
            }
            if (errorCode != 0) {
                throw new IOException("ApiVersions answered error code " + errorCode);
            }
        }
    }

    @Override
    public String describe() {
        return "Kafka ApiVersions";
    }
}
