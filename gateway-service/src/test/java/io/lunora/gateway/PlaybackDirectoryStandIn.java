package io.lunora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lunora.model.identity.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On a loopback port, what the gateway asks while serving {@code /hls/**}: the issuer's token
 * endpoint (client credentials of {@code lunora-gateway} asking for its own scopes, checked) and viewer-service's
 * {@code GET /internal/catalog/streams/{id}/playback}, which answers only with the token issued
 * here. Streams are put in by the tests.
 */
final class PlaybackDirectoryStandIn {
    static final String SECRET = Base64.getEncoder().encodeToString(
            "gateway-test-playback-secret-0123456789".getBytes(StandardCharsets.US_ASCII));
    static final String CLIENT_SECRET = "gateway-test-services-secret";
    private static final String PLAYBACK = "/internal/catalog/streams/";

    private final HttpServer server;
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final String accessToken = "service-token-" + UUID.randomUUID();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();

    PlaybackDirectoryStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stream as viewer-service's catalog has it now. */
    void put(String streamId, String accessLevel, String hlsUrl, boolean live) {
        streams.put(streamId, "{\"stream_id\":\"" + streamId + "\",\"access_level\":\"" + accessLevel
                + "\",\"hls_url\":\"" + hlsUrl + "\",\"is_live\":" + live + "}");
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    int lookups() {
        return lookups.get();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.equals("/oauth2/token") && exchange.getRequestMethod().equals("POST")) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String basic = "Basic " + Base64.getEncoder().encodeToString(
                        (ServiceClient.GATEWAY.clientId() + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
                if (!basic.equals(authorization) || !form.contains("grant_type=client_credentials")
                        || !URLDecoder.decode(form, StandardCharsets.UTF_8)
                                .contains("scope=" + ServiceClient.GATEWAY.scopeParameter(""))) {
                    answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                    return;
                }
                tokensIssued.incrementAndGet();
                answer(exchange, 200, "{\"access_token\":\"" + accessToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"" + ServiceClient.GATEWAY.scopeParameter("") + "\"}");
            } else if (path.startsWith(PLAYBACK) && path.endsWith("/playback")) {
                if (!("Bearer " + accessToken).equals(authorization)) {
                    answer(exchange, 401, "{}");
                    return;
                }
                lookups.incrementAndGet();
                String id = path.substring(PLAYBACK.length(), path.length() - "/playback".length());
                String stream = streams.get(id);
                answer(exchange, stream == null ? 404 : 200, stream == null ? "{\"status\":404}" : stream);
            } else {
                answer(exchange, 404, "{}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
