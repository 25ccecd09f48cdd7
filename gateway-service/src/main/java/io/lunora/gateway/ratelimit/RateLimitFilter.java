package io.lunora.gateway.ratelimit;

import io.lunora.gateway.problem.Problems;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts each request against its caller: the token's subject once the token is validated,
 * otherwise the client address; groups marked by-address (sign-in, registration) always the address. Runs after the security chain, so that invalid tokens never get
 * a bucket of their own. Over the limit: 429 problem with {@code Retry-After}.
 */
public final class RateLimitFilter implements WebFilter, Ordered {
    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security's chain (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String address = addressOf(request);
        return exchange.getPrincipal().map(RateLimitFilter::callerOf)
                .defaultIfEmpty(address)
                .flatMap(caller -> limiter.take(request.getMethod(), request.getPath().pathWithinApplication(), caller,
                                address)
                        .map(wait -> tooMany(exchange, wait))
                        .orElseGet(() -> chain.filter(exchange)));
    }

    private static String callerOf(Principal principal) {
        return principal instanceof JwtAuthenticationToken token ? "sub:" + token.getToken().getSubject()
                : "name:" + principal.getName();
    }

    private static String addressOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return "ip:" + (remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + seconds + " s.");
    }
}
