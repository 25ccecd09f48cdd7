package io.lunora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in service on a loopback port: records every request it receives and answers
 * {@code 200 {"service": name}}. Two paths behave differently, for the streaming and timeout
 * tests: {@code /api/streaming/events} answers after 1.2 s with one event, waits for
 * {@link #releaseSecondEvent()}, then sends another; {@code .../slow} answers after two seconds;
 * {@code .../master.m3u8} answers an HLS master playlist.
 */
final class RecordingDownstream implements AutoCloseable {

    record Received(String method, String path, String authorization, String host, int bodyBytes) {
    }

    /** What the media engine's FFmpeg writes as the master playlist of a three-rung ladder. */
    static final String MASTER_PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:6
            #EXT-X-STREAM-INF:BANDWIDTH=5648000,RESOLUTION=1920x1080,CODECS="avc1.4d4028,mp4a.40.2"
            1080p/index.m3u8

            #EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"
            720p/index.m3u8

            #EXT-X-STREAM-INF:BANDWIDTH=1425600,RESOLUTION=854x480,CODECS="avc1.4d401e,mp4a.40.2"
            480p/index.m3u8
            """;

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch secondEvent = new CountDownLatch(1);

    RecordingDownstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "downstream-" + name);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int bodyBytes = exchange.getRequestBody().readAllBytes().length;
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Host"), bodyBytes));
            if (path.equals("/api/streaming/events")) {
                streamEvents(exchange);
            } else if (path.endsWith("/master.m3u8")) {
                byte[] body = MASTER_PLAYLIST.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                if (path.endsWith("/slow")) {
                    sleep(2000);
                }
                byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        sleep(1200); // longer than the gateway's response timeout in tests (1 s): the event route has none
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event: status\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            secondEvent.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("event: status\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // the slow service under test, not a wait in a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void releaseSecondEvent() {
        secondEvent.countDown();
    }

    void resetEvents() {
        secondEvent = new CountDownLatch(1);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
