package io.lunora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lunora.model.identity.TokenValidity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service's {@code GET /internal/users/{id}/token-validity} on a loopback port, as the gateway
 * asks it with the service token of {@link PlaybackDirectoryStandIn}'s token endpoint. Every user is
 * active without revocation until a test says otherwise. Answers are written from the one record
 * auth-service answers with ({@link TokenValidity}).
 */
final class RevocationLedgerStandIn {
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final String PREFIX = "/internal/users/";
    private static final String SUFFIX = "/token-validity";

    private final HttpServer server;
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> endedSessions = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile boolean down;

    RevocationLedgerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void revokeBefore(String userId, Instant instant) {
        notBefore.put(userId, instant.getEpochSecond());
    }

    /** The concurrent-session limit ended this sign-in session of the user. */
    void endSession(String userId, String sessionId) {
        endedSessions.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
    }

    void disable(String userId) {
        disabled.add(userId);
    }

    void delete(String userId) {
        deleted.add(userId);
    }

    /** Answers 500 to every lookup while true. */
    void failing(boolean failing) {
        down = failing;
    }

    int lookups() {
        return lookups.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || !"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 404, "{}");
                return;
            }
            if (authorization == null || !authorization.startsWith("Bearer service-token-")) {
                answer(exchange, 401, "{}");
                return;
            }
            lookups.incrementAndGet();
            String user = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            if (down) {
                answer(exchange, 500, "{}");
            } else if (deleted.contains(user)) {
                answer(exchange, 404, "{}");
            } else {
                Long before = notBefore.get(user);
                answer(exchange, 200, SNAKE_CASE.writeValueAsString(new TokenValidity(user, !disabled.contains(user),
                        notBefore.get(user), List.copyOf(endedSessions.getOrDefault(user, Set.of())))));
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
