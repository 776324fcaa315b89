package dev.bazaar.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a port is free for us, found by binding it as the server would: a listener of someone
 * else's on 0.0.0.0, :: or 127.0.0.1 makes the bind fail, while sockets in TIME_WAIT do not.
 */
final class PortCheck {

    private PortCheck() {}

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
