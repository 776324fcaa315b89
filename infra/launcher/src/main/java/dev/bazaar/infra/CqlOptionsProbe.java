package dev.bazaar.infra;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * Cassandra's native protocol (v4): an OPTIONS frame must come back as SUPPORTED. Cassandra
 * binds the native port only after it has joined its ring and loaded the schema, so this is
 * the moment drivers can connect.
 */
final class CqlOptionsProbe implements ProtocolProbe {

    private static final int VERSION_4_REQUEST = 0x04;
    private static final int VERSION_4_RESPONSE = 0x84;
    private static final int OPCODE_OPTIONS = 0x05;
    private static final int OPCODE_SUPPORTED = 0x06;
    private static final int OPCODE_ERROR = 0x00;

    private final int port;

    CqlOptionsProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeByte(VERSION_4_REQUEST);
            out.writeByte(0); // flags
            out.writeShort(1); // stream id
            out.writeByte(OPCODE_OPTIONS);
            out.writeInt(0); // no body
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int version = in.readUnsignedByte();
            in.readUnsignedByte(); // flags
            int stream = in.readShort();
            int opcode = in.readUnsignedByte();
            int length = in.readInt();
            in.readFully(new byte[length]);
            if (version != VERSION_4_RESPONSE || stream != 1) {
                throw new IOException("unexpected frame header (version 0x" + Integer.toHexString(version) + ", stream "
                        + stream + ")");
            }
            if (opcode == OPCODE_ERROR) {
                throw new IOException("OPTIONS answered with an ERROR frame");
            }
            if (opcode != OPCODE_SUPPORTED) {
                throw new IOException("OPTIONS answered opcode 0x" + Integer.toHexString(opcode));
            }
        }
    }

    @Override
    public String describe() {
        return "CQL OPTIONS";
    }
}
