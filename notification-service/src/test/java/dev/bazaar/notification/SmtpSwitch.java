package dev.bazaar.notification;

import dev.bazaar.testing.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the local GreenMail SMTP server that a test can switch off: while off, every
 * connection is accepted and closed at once (the client reads no greeting, as from a server that is down or
 * restarting), and connections already relayed are cut. The service under test sends its mail here.
 */
final class SmtpSwitch implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean on = true;

    private SmtpSwitch() throws IOException {
        LocalServer.GREENMAIL.requireReachable();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-switch");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SmtpSwitch start() throws IOException {
        return new SmtpSwitch();
    }

    int port() {
        return server.getLocalPort();
    }

    void off() {
        on = false;
        open.forEach(SmtpSwitch::closeQuietly);
        open.clear();
    }

    void on() {
        on = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (!on) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(LocalServer.GREENMAIL.host(), LocalServer.GREENMAIL.port());
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // the other side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "smtp-switch-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        off();
    }
}
