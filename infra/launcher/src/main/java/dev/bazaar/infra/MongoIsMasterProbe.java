package dev.bazaar.infra;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * MongoDB wire protocol: an OP_MSG carrying {@code {isMaster: 1, $db: "admin"}}, the handshake
 * drivers send first, must come back with {@code ok: 1}. (mongo-java-server 1.47 does not know the
 * newer {@code hello} spelling.) BSON is little-endian, hence ByteBuffers, not DataOutputStream.
 */
final class MongoIsMasterProbe implements ProtocolProbe {

    private static final int OP_MSG = 2013;
    private static final int REQUEST_ID = 0x0BA2AA2;

    private final int port;

    MongoIsMasterProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            byte[] command = isMasterDocument();
            ByteBuffer message =
                    ByteBuffer.allocate(16 + 4 + 1 + command.length).order(ByteOrder.LITTLE_ENDIAN);
            message.putInt(message.capacity()).putInt(REQUEST_ID).putInt(0).putInt(OP_MSG);
            message.putInt(0); // flag bits
            message.put((byte) 0); // section kind 0: the command body
            message.put(command);
            OutputStream out = socket.getOutputStream();
            out.write(message.array());
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] lengthBytes = new byte[4];
            in.readFully(lengthBytes);
            int length =
                    ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 21 || length > 16 * 1024 * 1024) {
                throw new IOException("implausible reply length " + length);
            }
            byte[] rest = new byte[length - 4];
            in.readFully(rest);
            ByteBuffer reply = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
            reply.getInt(); // request id
            int responseTo = reply.getInt();
            int opCode = reply.getInt();
            if (opCode != OP_MSG || responseTo != REQUEST_ID) {
                throw new IOException("unexpected reply (opCode " + opCode + ", responseTo " + responseTo + ")");
            }
            reply.getInt(); // flag bits
            if (reply.get() != 0) {
                throw new IOException("reply does not start with a body section");
            }
            double ok = okField(reply);
            if (ok != 1.0) {
                throw new IOException("isMaster answered ok: " + ok);
            }
        }
    }

    private static byte[] isMasterDocument() {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        elements.write(0x10); // int32 element
        writeCString(elements, "isMaster");
        writeInt(elements, 1);
        elements.write(0x02); // string element
        writeCString(elements, "$db");
        byte[] db = "admin".getBytes(StandardCharsets.UTF_8);
        writeInt(elements, db.length + 1);
        elements.writeBytes(db);
        elements.write(0);
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        writeInt(document, 4 + elements.size() + 1);
        document.writeBytes(elements.toByteArray());
        document.write(0);
        return document.toByteArray();
    }

    /** Walks the top-level elements of the reply document to the numeric {@code ok} field. */
    private static double okField(ByteBuffer doc) throws IOException {
        int start = doc.position();
        int end = start + doc.getInt();
        while (doc.position() < end - 1) {
            int type = doc.get();
            String name = readCString(doc);
            if (name.equals("ok")) {
                switch (type) {
                    case 0x01:
                        return doc.getDouble();
                    case 0x10:
                        return doc.getInt();
                    case 0x12:
                        return doc.getLong();
                    case 0x08:
                        return doc.get() == 1 ? 1.0 : 0.0;
                    default:
                        throw new IOException("ok has BSON type " + type);
                }
            }
            skipValue(doc, type);
        }
        throw new IOException("reply has no ok field");
    }

    private static void skipValue(ByteBuffer doc, int type) throws IOException {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> doc.position(doc.position() + 8);
            case 0x02, 0x0D, 0x0E -> {
                int length = doc.getInt();
                doc.position(doc.position() + length);
            }
            case 0x03, 0x04 -> doc.position(doc.position() + doc.getInt(doc.position()));
            case 0x05 -> {
                int length = doc.getInt();
                doc.position(doc.position() + length + 1);
            }
            case 0x07 -> doc.position(doc.position() + 12);
            case 0x08 -> doc.position(doc.position() + 1);
            case 0x0A, 0x06, 0x7F, -1 -> {}
            case 0x10 -> doc.position(doc.position() + 4);
            case 0x13 -> doc.position(doc.position() + 16);
            default -> throw new IOException("cannot skip BSON type " + type);
        }
    }

    private static String readCString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // advance to the terminator
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static void writeCString(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    @Override
    public String describe() {
        return "MongoDB OP_MSG isMaster";
    }
}
