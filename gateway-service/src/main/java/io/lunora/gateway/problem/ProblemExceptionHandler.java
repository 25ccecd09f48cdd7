package io.lunora.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
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
            // the route's circuit breaker is open (io.lunora.gateway.resilience): answered without trying
            case ServiceUnavailableException open -> Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, down(exchange));
            case ConnectTimeoutException t -> Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, late(exchange));
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
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, down(exchange));
    }

    /** The route's service by name (the route id), so that a caller can tell which part is down. */
    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "service" : route.getId();
    }

    private static String down(ServerWebExchange exchange) {
        return "The " + service(exchange) + " is not available. Try again shortly.";
    }

    private static String late(ServerWebExchange exchange) {
        return "The " + service(exchange) + " did not answer in time.";
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
            // a time-out or an open circuit breaker of the route (io.lunora.gateway.resilience)
            case GATEWAY_TIMEOUT -> late(exchange);
            case SERVICE_UNAVAILABLE -> down(exchange);
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported.";
            default -> status.is4xxClientError() ? "The request was refused." : "The request failed.";
        });
    }
}
