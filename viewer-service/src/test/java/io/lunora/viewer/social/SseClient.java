package io.lunora.viewer.social;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A real Server-Sent Events client over HTTP on loopback: keeps every {@code data:} line it receives. */
final class SseClient implements AutoCloseable {
    final List<String> data = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseClient(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> data.add(l.substring(5)));
            } catch (RuntimeException closed) {
                // the test closed the connection
            }
        }));
    }

    /** The response status once headers arrived, or 0 before. */
    int status() {
        return response.isDone() ? response.join().statusCode() : 0;
    }

    boolean saw(String text) {
        return data.stream().anyMatch(d -> d.contains(text));
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        http.shutdownNow();
    }
}
