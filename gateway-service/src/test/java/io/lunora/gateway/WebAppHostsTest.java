package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Web apps on hosts of their own ({@code lunora.web.hosts}: stream and admin here, see
 * {@link GatewayTestBase}), over real sockets with the {@code Host} header a browser would send
 * (the JDK client may not set it).
 */
class WebAppHostsTest extends GatewayTestBase {

    @Test
    void shouldOpenTheAppOfTheHostAtItsRoot() {
        Answer stream = request("GET", "/", STREAM_HOST, Map.of());
        Answer admin = request("GET", "/?lang=en", ADMIN_HOST + ":" + port, Map.of());

        assertThat(stream.status()).isEqualTo(307);
        assertThat(stream.header("location")).isEqualTo("/stream/");
        assertThat(admin.status()).as("the port of the host does not count, the query goes along").isEqualTo(307);
        assertThat(admin.header("location")).isEqualTo("/admin/?lang=en");
        assertThat(request("HEAD", "/", STREAM_HOST, Map.of()).status()).isEqualTo(307);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream/", "/stream/live", "/stream/callback"})
    void shouldServeTheAppsScreensAndCallbackOnItsHost(String path) {
        Answer answer = request("GET", path, STREAM_HOST, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("<script type=\"module\" src=\"/stream/app.js\">");
    }

    @Test
    void shouldSendAnotherAppWithAHostOfItsOwnToThatHost() {
        Answer deepLink = request("GET", "/admin/users?q=ann", STREAM_HOST, Map.of());
        Answer bare = request("GET", "/stream", ADMIN_HOST, Map.of());

        assertThat(deepLink.status()).isEqualTo(307);
        assertThat(deepLink.header("location")).isEqualTo("https://" + ADMIN_HOST + "/admin/users?q=ann");
        assertThat(bare.status()).isEqualTo(307);
        assertThat(bare.header("location")).isEqualTo("https://" + STREAM_HOST + "/stream");
        assertThat(request("HEAD", "/admin/", STREAM_HOST, Map.of()).status()).isEqualTo(307);
    }

    @Test
    void shouldServeAnAppWithoutAHostByPathOnAnAppHost() {
        Answer watch = request("GET", "/watch/", STREAM_HOST, Map.of());

        assertThat(watch.status()).isEqualTo(200);
        assertThat(watch.body()).contains("/watch/app.js");
    }

    @ParameterizedTest
    @ValueSource(strings = {"other.example.test", "localhost", "stream.example.test.evil.example"})
    void shouldLeaveEveryOtherHostAsWithoutHosts(String host) {
        Answer root = request("GET", "/", host, Map.of());
        Answer admin = request("GET", "/admin/users", host, Map.of());
        Answer stream = request("GET", "/stream", host, Map.of());

        assertThat(root.status()).isEqualTo(404);
        assertThat(root.header("content-type")).startsWith("application/problem+json");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("/admin/app.js");
        assertThat(stream.status()).isEqualTo(308);
        assertThat(stream.header("location")).isEqualTo("/stream/");
    }

    @Test
    void shouldKeepTheApisAndTheSignInWorkingOnAnAppHost() {
        Answer api = request("GET", "/api/destinations", STREAM_HOST, Map.of("Authorization", "Bearer " + tokenOf(Group.OPERATORS)));
        Answer discovery = request("GET", "/.well-known/openid-configuration", STREAM_HOST, Map.of());
        Answer adminApi = request("GET", "/api/admin/users", ADMIN_HOST, Map.of("Authorization", "Bearer " + tokenOf(Group.OPERATORS)));
        Answer assets = request("GET", "/assets/auth.js", ADMIN_HOST, Map.of());

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"service\":\"DESTINATION\"");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(SERVICES.get("AUTH").received()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/.well-known/openid-configuration");
            assertThat(r.host()).as("the issuer still sees the public host").isEqualTo(STREAM_HOST);
        });
        assertThat(adminApi.status()).as("roles are checked as on every host").isEqualTo(403);
        assertThat(assets.status()).isEqualTo(200);
        assertThat(assets.body()).contains("code_challenge_method");
    }

    @Test
    void shouldLetTheAppHostsCallTheApisFromTheBrowserOverHttpsOnly() {
        HttpResponse<String> allowed = gateway.send("OPTIONS", "/oauth2/token", null,
                Map.of("Origin", "https://" + STREAM_HOST, "Access-Control-Request-Method", "POST"));
        HttpResponse<String> plainHttp = gateway.send("OPTIONS", "/api/destinations", null,
                Map.of("Origin", "http://" + ADMIN_HOST, "Access-Control-Request-Method", "GET"));
        HttpResponse<String> configured = gateway.send("GET", "/api/destinations", tokenOf(Group.OPERATORS),
                Map.of("Origin", "http://localhost:8080"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://" + STREAM_HOST);
        assertProblem(plainHttp, 403);
        assertThat(configured.headers().firstValue("Access-Control-Allow-Origin")).as("the configured origins stay")
                .hasValue("http://localhost:8080");
    }

    @Test
    void shouldAllowOnlyReadingTheRootOfAnAppHost() {
        assertThat(request("POST", "/", STREAM_HOST, Map.of()).status()).isEqualTo(405);
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** One HTTP/1.1 request on its own connection (Connection: close), the body read to the end. */
    private Answer request(String method, String path, String host, Map<String, String> headers) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(method.equals("POST") ? "Content-Length: 0\r\n" : "").append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(socket.getInputStream(), method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(InputStream in, boolean noBody) throws IOException {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        if (noBody) {
            return new Answer(status, headers, "");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0], 16); size > 0; size = Integer.parseInt(line(in).split(";")[0], 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed within a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
