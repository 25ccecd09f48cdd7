package io.lunora.support.clients;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A real downstream service over HTTP on a loopback port, which can be stopped and started again
 * on the same port: {@code /internal/items/ok} answers 200, {@code /conflict} a 409 problem,
 * {@code /invalid} a 400 problem naming field {@code name}.
 */
final class StockServiceStandIn implements AutoCloseable {
    private final int port;
    private HttpServer server;

    StockServiceStandIn() {
        start(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void stop() {
        server.stop(0);
    }

    synchronized void restart() {
        start(port);
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/items/", exchange -> {
            String item = exchange.getRequestURI().getPath().substring("/internal/items/".length());
            int status;
            String type = "application/problem+json";
            String body;
            switch (item) {
                case "conflict" -> {
                    status = 409;
                    body = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"The item is in use by 2 orders.\"}";
                }
                case "invalid" -> {
                    status = 400;
                    body = "{\"type\":\"https://lunora.live/problems/validation\",\"title\":\"Invalid request\","
                            + "\"status\":400,\"detail\":\"Field 'name': is required\","
                            + "\"errors\":[{\"field\":\"name\",\"message\":\"is required\"}]}";
                }
                case "busy" -> {
                    // a service that says why it cannot answer now, as the media engine does ("Engine busy")
                    status = 503;
                    exchange.getResponseHeaders().add("Retry-After", "2");
                    body = "{\"type\":\"about:blank\",\"title\":\"Stock busy\",\"status\":503,"
                            + "\"detail\":\"Still counting the order of customer 4711.\"}";
                }
                default -> {
                    status = 200;
                    type = "application/json";
                    body = "{\"name\":\"" + item + "\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        stop();
    }
}
