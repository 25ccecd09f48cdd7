package io.lunora.gateway.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latest springdoc document of each service, read at start and every {@code refresh} in the
 * background, so that serving the gateway's document never waits for a service. A service that
 * cannot be read keeps its last document (none before its first answer).
 */
final class ServiceApiDocs implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ServiceApiDocs.class);

    private final WebClient http;
    private final Set<URI> services;
    private final ApiDocsProperties properties;
    private final Map<URI, OpenAPI> latest = new ConcurrentHashMap<>();
    private volatile Disposable refreshing;

    ServiceApiDocs(WebClient http, Set<URI> services, ApiDocsProperties properties) {
        this.http = http;
        this.services = Set.copyOf(services);
        this.properties = properties;
    }

    /** The documents read so far, by service URI. */
    Map<URI, OpenAPI> latest() {
        return Map.copyOf(latest);
    }

    private Mono<Void> read(URI service) {
        return http.get().uri(service.resolve("/v3/api-docs")).retrieve().bodyToMono(String.class)
                .timeout(properties.timeout())
                .map(ServiceApiDocs::parse)
                .doOnNext(doc -> latest.put(service, doc))
                .onErrorResume(e -> {
                    log.debug("API document of {} not read: {}", service, e.getClass().getSimpleName());
                    return Mono.empty();
                })
                .then();
    }

    static OpenAPI parse(String json) {
        try {
            return Json31.mapper().readValue(json, OpenAPI.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not an OpenAPI document", e);
        }
    }

    @Override
    public void start() {
        refreshing = Flux.interval(java.time.Duration.ZERO, properties.refresh())
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromIterable(services).flatMap(this::read).then())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
