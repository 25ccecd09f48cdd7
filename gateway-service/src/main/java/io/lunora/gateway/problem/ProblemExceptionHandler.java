package io.lunora.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every exception that reaches the top (no route, a service down or slow, a body too large)
 * becomes problem+json. Ordered before Boot's JSON error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        return switch (ex) {
            case ResponseStatusException rse -> fromStatus(exchange, rse);
            case ConnectTimeoutException t ->
                    Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time.");
            // refused, or (containers) its host name is gone while it is down
            case ConnectException c -> unavailable(exchange, c);
            case UnknownHostException u -> unavailable(exchange, u);
            case IOException io -> Problems.write(exchange, HttpStatus.BAD_GATEWAY, "The service gave no valid answer.");
            default -> {
                log.error("unexpected error for {}", exchange.getRequest().getPath(), ex);
                yield Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error.");
            }
        };
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, IOException cause) {
        log.warn("service unreachable for {}: {}", exchange.getRequest().getPath(), cause.getClass().getSimpleName());
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "The service is not available.");
    }

    private static Mono<Void> fromStatus(ServerWebExchange exchange, ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        exchange.getResponse().getHeaders().putAll(ex.getHeaders());
        return Problems.write(exchange, status, switch (status) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case GATEWAY_TIMEOUT -> "The service did not answer in time.";
            case SERVICE_UNAVAILABLE -> "The service is not available.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported.";
            default -> status.is4xxClientError() ? "The request was refused." : "The request failed.";
        });
    }
}
