package io.lunora.gateway.web;

import io.lunora.gateway.problem.Problems;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured web origins, answered before any token or route check so that
 * preflights pass. A refused origin gets a 403 problem instead of Spring's empty 403.
 */
public final class ProblemCorsFilter implements WebFilter {
    private final CorsConfiguration config;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    public ProblemCorsFilter(List<String> allowedOrigins) {
        config = new CorsConfiguration();
        config.setAllowedOrigins(allowedOrigins);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.IF_MATCH, "Last-Event-ID"));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG));
        // bearer tokens, no cookies: credentials mode stays off
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean allowed;
        try {
            if (!CorsUtils.isCorsRequest(exchange.getRequest()) || isOpaqueOriginRequest(exchange)) {
                return chain.filter(exchange);
            }
            allowed = processor.process(config, exchange);
        } catch (IllegalArgumentException malformedOrigin) {
            // Spring parses the Origin as a URI: a malformed one is the client's error, not a 500
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "The Origin header is not a valid origin.");
        }
        if (!allowed) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "This origin may not call the API.");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    /**
     * Under {@code Referrer-Policy: no-referrer} browsers send {@code Origin: null} with their own
     * same-origin form posts (the sign-in pages) and non-GET fetches (the web apps). Such a request
     * is not a cross-origin read: it passes, without CORS headers, so no other page could read an
     * answer; a preflight from an opaque origin is still refused.
     */
    private static boolean isOpaqueOriginRequest(ServerWebExchange exchange) {
        return "null".equals(exchange.getRequest().getHeaders().getOrigin())
                && !CorsUtils.isPreFlightRequest(exchange.getRequest());
    }
}
