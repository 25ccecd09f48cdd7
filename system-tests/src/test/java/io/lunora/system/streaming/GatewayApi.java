package io.lunora.system.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls through the gateway with a bearer token. Every answer (and every line of the event
 * streams it follows) is kept, so that a test can scan all it was shown for secrets.
 */
public final class GatewayApi implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Thread> followers = new CopyOnWriteArrayList<>();

    public GatewayApi(String base) {
        this.base = base;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    public Answer post(String token, String path, String json) {
        return send(token, "POST", path, json);
    }

    public Answer put(String token, String path, String json) {
        return send(token, "PUT", path, json);
    }

    public Answer send(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            seen.add(method + " " + path + " -> " + response.statusCode() + " " + response.headers().map() + "\n" + response.body());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Follows a Server-Sent Events stream in the background; the returned list fills with the
     * {@code data:} lines as they arrive.
     */
    public List<String> follow(String token, String path) {
        List<String> data = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                seen.add("GET " + path + " -> " + response.statusCode() + " " + response.headers().map());
                response.body().forEach(line -> {
                    seen.add(line);
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                });
            } catch (IOException | InterruptedException ended) {
                // the stream ends with the test or the service
            }
        });
        followers.add(reader);
        return data;
    }

    /** Every answer and event line so far. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        followers.forEach(Thread::interrupt);
        http.shutdownNow();
    }
}
