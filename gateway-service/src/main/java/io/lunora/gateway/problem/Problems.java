package io.lunora.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the RFC 9457 documents of every error the gateway itself answers. Only fixed titles and
 * details go in, never exception texts or token contents.
 */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, exchange.getRequest().getPath().value());
    }

    /** With {@code instance} in place of the request path (a path that carries a credential). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        // The gateway answers these before reading the request; a client that reused the connection
        // afterwards sometimes waited forever for its next answer (seen with the JDK client under
        // load). Errors are rare, so a fresh connection after one costs little.
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
