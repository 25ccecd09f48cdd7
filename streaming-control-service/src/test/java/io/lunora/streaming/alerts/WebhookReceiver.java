package io.lunora.streaming.alerts;

import com.sun.net.httpserver.HttpServer;
import io.lunora.streaming.alerts.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat or paging tool's webhook endpoint on a local address: it records every POST (the Host it
 * was addressed to, the signature header, the body, the time it came) and answers 500 to as many
 * deliveries as a test asks, 200 after that.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(String host, String signature, String body, Instant at) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private WebhookReceiver(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Listens on {@code address} (port 0: any free one). */
    static WebhookReceiver listen(InetSocketAddress address) throws IOException {
        return new WebhookReceiver(address);
    }

    /** The deliveries received so far, oldest first. */
    List<Received> received() {
        return received;
    }

    /** The next {@code count} deliveries get 500. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
