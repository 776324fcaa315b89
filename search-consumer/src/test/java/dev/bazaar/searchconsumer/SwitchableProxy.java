package dev.bazaar.searchconsumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real server that a test can cut ({@link #cut()}: open connections
 * are dropped and new ones refused) and restore, to show how a client behaves while the server is
 * unreachable without stopping the shared server.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public SwitchableProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = bind(0);
        this.port = first.getLocalPort();
        start(first);
    }

    public int port() {
        return port;
    }

    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            start(bind(port));
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private void start(ServerSocket socket) {
        server = socket;
        Thread acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket client = socket.accept();
                            Socket upstream = new Socket(targetHost, targetPort);
                            open.add(client);
                            open.add(upstream);
                            pump(client, upstream);
                            pump(upstream, client);
                        } catch (IOException e) {
                            // closed by cut()
                        }
                    }
                },
                "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
