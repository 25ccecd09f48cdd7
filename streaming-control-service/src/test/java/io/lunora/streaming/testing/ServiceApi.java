package io.lunora.streaming.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** streaming-control's API on its test port, called with a user's bearer token; its problems checked. */
public final class ServiceApi {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ServiceApi(int port) {
        this.port = port;
    }

    /** Sends {@code body} as JSON (none when null). */
    public HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An RFC 9457 problem of {@code status} naming {@code field} among its errors. */
    public static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Set<String> fields = new HashSet<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }
}
