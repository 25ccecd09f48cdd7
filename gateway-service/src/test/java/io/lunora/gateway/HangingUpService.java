package io.lunora.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Accepts connections, reads the request's first bytes and closes without an answer. */
final class HangingUpService implements AutoCloseable {
    private final ServerSocket socket;

    HangingUpService() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAndHangUp, "hanging-up-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptAndHangUp() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.getInputStream().read(new byte[1024]);
            } catch (IOException e) {
                // closed by close(), or the gateway gave up first: either way nothing to answer
            }
        }
    }

    String uri() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
