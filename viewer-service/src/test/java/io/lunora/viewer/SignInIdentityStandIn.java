package io.lunora.viewer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * auth-service's {@code DELETE /internal/viewers/{id}} on a loopback port: records each deletion
 * with its bearer token, answers 204 (or 500 while told to fail).
 */
public final class SignInIdentityStandIn {
    private static final String PREFIX = "/internal/viewers/";

    /** One call received: the viewer id and the Authorization header. */
    public record Deletion(String viewerId, String authorization) {
    }

    private final HttpServer server;
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    SignInIdentityStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Deletion> deletions() {
        return List.copyOf(deletions);
    }

    public void failing(boolean fail) {
        failing = fail;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"DELETE".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (failing) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            deletions.add(new Deletion(path.substring(PREFIX.length()),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
