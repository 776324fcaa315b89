package dev.bazaar.search.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network fault, not a fake of our service: a TCP port that accepts connections and then either
 * never answers (a hung peer, a black-holing proxy) or answers 503 (a proxy with no upstream).
 */
public final class FaultyServer implements AutoCloseable {

    public enum Mode {
        HANG,
        ANSWER_503
    }

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.HANG;

    public FaultyServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (mode == Mode.HANG) {
                    held.add(client);
                } else {
                    Thread responder = new Thread(() -> answer503(client), "faulty-server-503");
                    responder.setDaemon(true);
                    responder.start();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer503(Socket client) {
        try (client) {
            byte[] request = new byte[8192];
            client.getInputStream().read(request);
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client gave up first
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : held) {
            client.close();
        }
    }
}
