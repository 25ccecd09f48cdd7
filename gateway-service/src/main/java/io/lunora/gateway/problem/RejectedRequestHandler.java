package io.lunora.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Requests the security firewall refuses (encoded slashes, "..", odd methods) get a 400 problem. */
@Component
class RejectedRequestHandler implements ServerExchangeRejectedHandler {
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "The request was rejected as malformed.");
    }
}
