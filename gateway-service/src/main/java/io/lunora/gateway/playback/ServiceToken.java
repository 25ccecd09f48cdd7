package io.lunora.gateway.playback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A client-credentials token of the gateway's own client {@code lunora-gateway} (its scopes
 * {@code catalog.playback} and {@code users.token-validity} only) for the gateway's
 * internal calls (the playback lookup, the revocation check), fetched when needed and reused until a minute before it expires. The
 * secret is read when the first token is needed: auth-service may create its file after the
 * gateway started.
 */
public final class ServiceToken {
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Cached(String value, Instant renewAt) {
    }

    private final WebClient http;
    private final PlaybackProperties properties;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    ServiceToken(WebClient http, PlaybackProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<String> get() {
        Cached current = cached.get();
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Mono.just(current.value());
        }
        return Mono.fromCallable(this::secret).flatMap(secret -> http.post().uri(properties.tokenUri())
                        .headers(h -> h.setBasicAuth(properties.clientId(), secret, StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", properties.scope()))
                        .retrieve().bodyToMono(JsonNode.class))
                .map(body -> {
                    long ttl = body.path("expires_in").asLong(300);
                    Cached fresh = new Cached(body.path("access_token").asString(),
                            clock.instant().plusSeconds(ttl).minus(MARGIN));
                    cached.set(fresh);
                    return fresh.value();
                });
    }

    /** Forgets the token (the directory refused it, e.g. after auth-service got a new key). */
    public void invalidate() {
        cached.set(null);
    }

    private String secret() throws java.io.IOException {
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            return properties.clientSecret();
        }
        return Files.readString(properties.secretFile(), StandardCharsets.UTF_8).trim();
    }
}
