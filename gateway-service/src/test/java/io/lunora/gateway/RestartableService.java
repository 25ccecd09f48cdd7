package io.lunora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real service on a loopback port that can be stopped and started again on the same port.
 * Answers what {@code answer} gives for the request path; {@code /slow} paths answer after 3 s.
 */
final class RestartableService implements AutoCloseable {
    /** One answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {
        static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private final Function<String, Answer> answer;
    private final int port;
    private HttpServer server;

    RestartableService(Function<String, Answer> answer) {
        this.answer = answer;
        start(0);
        port = server.getAddress().getPort();
    }

    String uri() {
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
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "restartable-service");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.endsWith("/slow")) {
                try {
                    Thread.sleep(3000); // the slow service under test, not a wait in a test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer reply = answer.apply(path);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException gone) {
            // the gateway gave up first (time limit): nothing left to answer
        }
    }

    @Override
    public void close() {
        stop();
    }
}
